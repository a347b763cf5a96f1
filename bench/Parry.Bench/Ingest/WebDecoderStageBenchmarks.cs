using BenchmarkDotNet.Attributes;
using Parry.Core.Events;
using Parry.Ingest.Syslog;
using Parry.Ingest.Text;
using Parry.Ingest.Web;

namespace Parry.Bench.Ingest;

/// <summary>
/// Where the time of a text decoder goes, stage by stage, on the same 200k lines: reading lines and decoding UTF-8;
/// plus parsing; plus writing fields into the reused EventBuilder; the full decoder adds Build (the immutable event,
/// lower-cased text, field keying) — see <see cref="DecoderBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class WebDecoderStageBenchmarks
{
    private byte[] _access = [];
    private byte[] _auth = [];

    [GlobalSetup]
    public void Setup()
    {
        _access = IngestInputs.AccessLog(DecoderBenchmarks.Lines);
        _auth = IngestInputs.AuthLog(DecoderBenchmarks.Lines);
    }

    [Benchmark]
    public int Web_lines_and_utf8() => Stage(_access, 0);

    [Benchmark]
    public int Web_parse() => Stage(_access, 1);

    [Benchmark]
    public int Web_parse_and_write() => Stage(_access, 2);

    [Benchmark]
    public int Syslog_parse_and_write() => Stage(_auth, 3);

    internal static int Stage(byte[] input, int stage)
    {
        using var lines = new LineReader(new MemoryStream(input, writable: false), 1 << 20);
        using var utf8 = new Utf8Decoder();
        var builder = new EventBuilder();
        var web = new AccessLogEventWriter();
        var syslog = new SyslogEventWriter();
        var count = 0;
        while (lines.Read(out var bytes) == LineStatus.Line)
        {
            var text = utf8.Decode(bytes);
            switch (stage)
            {
                case 0:
                    count += text.Length > 0 ? 1 : 0;
                    break;
                case 1:
                    count += AccessLogParser.TryParse(text, out _) ? 1 : 0;
                    break;
                case 2:
                    if (AccessLogParser.TryParse(text, out var line))
                    {
                        builder.Reset();
                        web.Write(line, builder);
                        count++;
                    }
                    break;
                case 4 or 5:
                    if (AccessLogParser.TryParse(text, out var built))
                    {
                        builder.Reset();
                        web.Write(built, builder);
                        count += builder.Build(stage == 4 ? FieldTable.Empty : IngestInputs.Fields, new EventOrigin("a", 1), "webserver").NodeCount > 0 ? 1 : 0;
                    }
                    break;
                default:
                    if (SyslogHeaderParser.TryParse(text, out var header))
                    {
                        builder.Reset();
                        syslog.Write(header, builder);
                        count++;
                    }
                    break;
            }
        }
        return count;
    }
}
