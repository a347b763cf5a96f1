using System.Diagnostics;
using Parry.Ingest.Formats;
using Parry.Ingest.Json;
using Parry.Ingest.Syslog;
using Parry.Ingest.Web;

namespace Parry.Bench.Ingest;

/// <summary>
/// Decoder throughput per core measured in CPU time rather than wall-clock time, for a shared machine where
/// BenchmarkDotNet's wall-clock means include time spent waiting for a core: each decoder runs its input
/// <c>rounds</c> times and the process's CPU time (GC included) divides the work. Run:
/// <c>dotnet run -c Release --project bench/Parry.Bench -- ingest-cputime [rounds]</c>.
/// </summary>
internal static class IngestCpuTime
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var json = IngestInputs.RegressionJson(20);
        var access = IngestInputs.AccessLog(DecoderBenchmarks.Lines);
        var auth = IngestInputs.AuthLog(DecoderBenchmarks.Lines);
        Measure("json (regression x20)", new JsonFormat(), json, "r.json", rounds);
        Measure("webserver (combined)", new WebAccessLogFormat(), access, "access.log", rounds);
        Measure("syslog (auth.log)", new SyslogFormat(), auth, "auth.log", rounds);
        MeasureStage("webserver parse+write", access, 2, rounds);
        MeasureStage("syslog parse+write", auth, 3, rounds);
        MeasureJsonStage("json framing only", json, 0, rounds);
        MeasureJsonStage("json framing+parse+write", json, 1, rounds);
        MeasureStage("web +Build, no fields", access, 4, rounds);
        MeasureStage("web +Build, 48 fields", access, 5, rounds);
        return 0;
    }

    private static void MeasureJsonStage(string label, byte[] input, int stage, int rounds)
    {
        JsonStage(input, stage);
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long records = 0;
        for (var i = 0; i < rounds; i++)
            records += JsonStage(input, stage);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"{label,-24} {records,10:N0} records  cpu {cpu,6:N2} s  {records / cpu,12:N0} records/cpu-s  {(double)input.Length * rounds / (1 << 20) / cpu,7:N1} MB/cpu-s");
    }

    // The JSON decoder's own stages: finding record boundaries; and parsing each into the reused builder.
    private static int JsonStage(byte[] input, int stage)
    {
        using var framer = new JsonRecordFramer(new MemoryStream(input, writable: false), 16 << 20);
        using var decoder = new JsonRecordDecoder(JsonFlavour.Generic, Parry.Core.Events.EventLimits.Default);
        var builder = new Parry.Core.Events.EventBuilder();
        var count = 0;
        while (framer.Next(out var record) != JsonFrameKind.End)
        {
            if (stage == 1)
                decoder.Decode(record, builder, null);
            count++;
        }
        return count;
    }

    // A decoder's own work without EventBuilder.Build (the event's copy, lower-casing and field keying, in Core).
    private static void MeasureStage(string label, byte[] input, int stage, int rounds)
    {
        WebDecoderStageBenchmarks.Stage(input, stage);
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long records = 0;
        for (var i = 0; i < rounds; i++)
            records += WebDecoderStageBenchmarks.Stage(input, stage);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"{label,-24} {records,10:N0} records  cpu {cpu,6:N2} s  {records / cpu,12:N0} records/cpu-s");
    }

    private static void Measure(string label, IInputFormat format, byte[] input, string name, int rounds)
    {
        IngestInputs.Decode(format, input, name); // warm up
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long records = 0;
        for (var i = 0; i < rounds; i++)
            records += IngestInputs.Decode(format, input, name);
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var megabytes = (double)input.Length * rounds / (1 << 20);
        Console.WriteLine($"{label,-24} {records,10:N0} records {megabytes,8:N1} MB  cpu {cpu,6:N2} s  wall {wall.Elapsed.TotalSeconds,6:N2} s  " +
            $"{records / cpu,12:N0} records/cpu-s  {megabytes / cpu,7:N1} MB/cpu-s");
    }
}
