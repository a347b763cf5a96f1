using BenchmarkDotNet.Attributes;
using Parry.Ingest.Json;
using Parry.Ingest.Syslog;
using Parry.Ingest.Web;

namespace Parry.Bench.Ingest;

/// <summary>
/// Decoder throughput, bytes in memory to events (keyed against a 48-name field table): JSON on the SigmaHQ
/// regression JSON replicated ×20, Apache combined access-log lines, auth-log lines. Divide the event count
/// (printed once in the log) by the mean time for events/s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class DecoderBenchmarks
{
    public const int Lines = 200_000;

    private byte[] _json = [];
    private byte[] _access = [];
    private byte[] _auth = [];
    private readonly JsonFormat _jsonFormat = new();
    private readonly WebAccessLogFormat _webFormat = new();
    private readonly SyslogFormat _syslogFormat = new();

    [GlobalSetup]
    public void Setup()
    {
        _json = IngestInputs.RegressionJson(20);
        _access = IngestInputs.AccessLog(Lines);
        _auth = IngestInputs.AuthLog(Lines);
        Console.WriteLine($"// inputs: json {_json.Length} bytes, {IngestInputs.Decode(_jsonFormat, _json, "r.json")} records; " +
            $"access {_access.Length} bytes, {IngestInputs.Decode(_webFormat, _access, "access.log")} lines; " +
            $"auth {_auth.Length} bytes, {IngestInputs.Decode(_syslogFormat, _auth, "auth.log")} lines");
    }

    [Benchmark]
    public int Json_regression_x20() => IngestInputs.Decode(_jsonFormat, _json, "r.json");

    [Benchmark]
    public int Web_access_log_200k() => IngestInputs.Decode(_webFormat, _access, "access.log");

    [Benchmark]
    public int Syslog_auth_log_200k() => IngestInputs.Decode(_syslogFormat, _auth, "auth.log");
}
