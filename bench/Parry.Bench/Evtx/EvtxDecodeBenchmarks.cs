using BenchmarkDotNet.Attributes;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest;
using Parry.Ingest.Evtx;
using Parry.Ingest.Sources;

namespace Parry.Bench.Evtx;

/// <summary>
/// Decoding the whole EVTX-ATTACK-SAMPLES corpus (269 files, 23 MB, 7,455 records) from memory, on one core and
/// on all, with no field table and with a rule set's. Throughput in MB/s is corpus bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class EvtxDecodeBenchmarks
{
    private List<(string Path, byte[] Bytes)> _files = [];
    private FieldTable _fields = null!;

    [Params(1, 2)]
    public int Parallelism { get; set; }

    [Params(false, true)]
    public bool SigmaFields { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = [.. EvtxCorpus.Expand([EvtxCorpus.DefaultCorpus()]).Select(f => (f, File.ReadAllBytes(f)))];
        _fields = SigmaFields ? EvtxCorpus.SigmaFields() : new FieldTableBuilder().Build();
    }

    [Benchmark]
    public int DecodeCorpus()
    {
        var errors = new CountingSink();
        var context = new DecodeContext(_fields, errors) { MaxDegreeOfParallelism = Parallelism };
        var format = new EvtxFormat();
        var events = 0;
        foreach (var (path, bytes) in _files)
        {
            var source = new InputSource(path, () => new MemoryStream(bytes, writable: false));
            foreach (var _ in format.Read(source, context))
                events++;
        }
        if (errors.Count > 0 || events != 7455)
            throw new InvalidOperationException($"{events} events, {errors.Count} errors");
        return events;
    }

    private sealed class CountingSink : IInputErrorSink
    {
        public int Count;

        public void Report(InputError error) => Interlocked.Increment(ref Count);
    }
}
