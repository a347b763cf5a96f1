using System.Text;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;
using Parry.Ingest.Traces;
using Parry.TestSupport;
using static Parry.Ingest.Tests.Traces.TraceTestSupport;

namespace Parry.Ingest.Tests.Traces;

/// <summary>The trace formats registered beside the built-in decoders, as the pipeline wires them: each trace is
/// claimed by its reader, and other logs are left to theirs.</summary>
public class TraceDetectionTests
{
    private static readonly FormatDetector Detector = new([.. TraceFormats.All(), .. BuiltInFormats.Create()]);

    private static string? Detect(string text, string fileName = "x.jsonl") =>
        Detector.Detect(Encoding.UTF8.GetBytes(text), fileName).Format?.Name;

    [Fact]
    public void Every_corpus_trajectory_is_detected_and_read_through_the_detector()
    {
        var demos = Path.Combine(Corpora.AgentTraces, "trajectories", "demonstrations");
        var files = Directory.EnumerateFiles(demos, "*.traj", SearchOption.AllDirectories).ToList();
        files.Count.ShouldBe(19);
        var sources = files.Select(f => new InputSource(Path.GetRelativePath(demos, f), () => File.OpenRead(f)));
        var errors = new List<Parry.Core.Diagnostics.InputError>();
        var events = Detector.ReadAll(sources, new DecodeContext(Fields, new Sink(errors))).ToList();
        errors.ShouldBeEmpty();
        events.Count.ShouldBe(210); // 205 trajectory steps and the 5 calls of the history-only function_calling_simple.traj
        events.ShouldAllBe(e => e.SourceKind == "mcp");
        foreach (var file in files)
            Detector.Detect(new InputSource(file, () => File.OpenRead(file))).Format!.Name.ShouldBe("swe-agent-traj");
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}""", "mcp-jsonrpc")]
    [InlineData("""{"id":"chatcmpl-1","object":"chat.completion","created":1,"choices":[{"message":{"role":"assistant","tool_calls":[]}}]}""", "openai-chat")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[]}]}]}""", "otlp-genai")]
    [InlineData("""{"time":"2025-09-01T12:00:00Z","type":"decision","call_id":"a","session":"s","tool":"t","decision":"allow"}""", "parry-audit")]
    public void Traces_win_over_generic_json(string text, string expected)
    {
        Detect(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"Records":[{"eventVersion":"1.08","eventSource":"iam.amazonaws.com","eventName":"ListUsers","sourceIPAddress":"203.0.113.5"}]}""")]
    [InlineData("""{"ts":1700000000.1,"uid":"C1","id.orig_h":"10.0.0.1","id.orig_p":5353,"id.resp_h":"10.0.0.2","id.resp_p":53,"proto":"udp","_path":"conn"}""")]
    [InlineData("""{"eventid":"cowrie.command.input","input":"uname -a","src_ip":"203.0.113.9","session":"a1b2","timestamp":"2025-09-01T12:00:00Z"}""")]
    [InlineData("""{"level":"info","msg":"decision made","method":"GET"}""")]
    public void Other_logs_are_left_to_their_readers(string text)
    {
        var name = Detect(text);
        name.ShouldNotBeNull();
        TraceFormats.All().Select(f => f.Name).ShouldNotContain(name);
    }

    private sealed class Sink(List<Parry.Core.Diagnostics.InputError> errors) : Parry.Core.Diagnostics.IInputErrorSink
    {
        public void Report(Parry.Core.Diagnostics.InputError error) => errors.Add(error);
    }
}
