using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parry.Core.Diagnostics;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Traces;
using static Parry.Ingest.Tests.Traces.TraceTestSupport;

namespace Parry.Ingest.Tests.Traces;

/// <summary>Every trace reader over hostile input: garbage never throws, every malformed record is a located error,
/// and memory stays bounded whatever the input claims.</summary>
public class TraceFormatPropertyTests
{
    private static readonly IReadOnlyList<IInputFormat> Formats = TraceFormats.All();

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\n", " ", "\"jsonrpc\":\"2.0\"", "\"id\":1", "\"method\":\"tools/call\"", "\"params\":",
        "{\"name\":\"bash\",\"arguments\":{\"command\":\"id\"}}", "\"result\":{\"content\":[]}", "\"trajectory\":", "\"action\":\"ls\"",
        "\"history\":", "\"role\":\"assistant\"", "\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"x\",\"arguments\":\"{}\"}}]",
        "\"choices\":", "\"messages\":", "\"resourceSpans\":", "\"scopeSpans\":", "\"spans\":", "\"attributes\":",
        "{\"key\":\"gen_ai.tool.name\",\"value\":{\"stringValue\":\"t\"}}", "\"type\":\"decision\"", "\"call_id\":\"a\"", "\"decision\":\"deny\"",
        "null", "true", "12", "-1e999", "\"\\u0000\"", "\"\\ud800\"", "\u00e9", "\\",
    ];

    private static Arbitrary<string> JsonishText() =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Random_json_fragments_never_throw()
    {
        Prop.ForAll(JsonishText(), text =>
        {
            foreach (var format in Formats)
                ReadText(format, text);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            foreach (var format in Formats)
            {
                format.Probe(bytes ?? [], "x.traj");
                ReadBytes(format, bytes ?? []);
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Line_formats_report_each_malformed_line_with_its_number()
    {
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("{bad", "[", "\"x\"", "{}", "")).ToArbitrary(), lines =>
        {
            var text = string.Join('\n', lines);
            var bad = lines.Select((l, i) => (l, i)).Where(p => p.l is "{bad" or "[" or "\"x\"").Select(p => (long)p.i + 1).ToList();
            foreach (var format in Formats.Where(f => f.Name is "mcp-jsonrpc" or "openai-chat" or "parry-audit"))
            {
                var (_, errors) = ReadText(format, text);
                if (!bad.All(n => errors.Any(e => e.Record == n)))
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_gigantic_line_without_a_newline_is_skipped_in_bounded_memory()
    {
        foreach (var format in Formats)
        {
            var errors = new List<InputError>();
            var source = new InputSource("huge.jsonl", () => new GeneratedStream(prefix: "{\"jsonrpc\":\"2.0\",\"params\":\"", length: 256L * 1024 * 1024));
            var context = new DecodeContext(Fields, new Sink(errors)) { MaxRecordBytes = 1024 * 1024 };
            var before = GC.GetAllocatedBytesForCurrentThread();
            var events = format.Read(source, context).ToList();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            events.ShouldBeEmpty(format.Name);
            errors.ShouldNotBeEmpty(format.Name);
            allocated.ShouldBeLessThan(64L * 1024 * 1024, format.Name); // 256 MiB of input, never buffered
        }
    }

    [Fact]
    public void Each_sample_is_claimed_by_its_own_format()
    {
        var samples = new Dictionary<string, string>
        {
            ["mcp-jsonrpc"] = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}""",
            ["openai-chat"] = """{"id":"chatcmpl-1","object":"chat.completion","choices":[{"message":{"role":"assistant","tool_calls":[]}}]}""",
            ["otlp-genai"] = """{"resourceSpans":[{"scopeSpans":[{"spans":[]}]}]}""",
            ["parry-audit"] = """{"time":"2025-09-01T12:00:00Z","type":"decision","call_id":"a","session":"s","tool":"t","decision":"allow"}""",
            ["swe-agent-traj"] = """{"environment":"swe_main","trajectory":[{"action":"ls","observation":""}]}""",
        };
        foreach (var (expected, text) in samples)
        {
            var scores = Formats.Select(f => (f.Name, Score: Probe(f, text, "sample.json"))).OrderByDescending(p => p.Score).ToList();
            scores[0].Name.ShouldBe(expected, string.Join(", ", scores));
            scores[0].Score.ShouldBeGreaterThan(scores[1].Score);
            scores[0].Score.ShouldBeGreaterThanOrEqualTo(85);
        }
    }

    private sealed class Sink(List<InputError> errors) : IInputErrorSink
    {
        public void Report(InputError error) => errors.Add(error);
    }

    /// <summary>A stream of a prefix followed by 'a' bytes, never materialised.</summary>
    private sealed class GeneratedStream(string prefix, long length) : Stream
    {
        private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            var span = buffer.AsSpan(offset, n);
            span.Fill((byte)'a');
            if (_position < _prefix.Length)
            {
                var head = (int)Math.Min(n, _prefix.Length - _position);
                _prefix.AsSpan((int)_position, head).CopyTo(span);
            }
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
