using Parry.Core.Events;
using Parry.Sigma.Matching;

namespace Parry.Bench.Sigma;

/// <summary>
/// One build's side of <see cref="SigmaInterleaved"/>: the SigmaHQ rules routed as in <c>sigma-cputime</c>, and
/// enough decoded copies of the regression events that none is still in the CPU cache when its turn comes again
/// (about 40,000 events, 100+ MB). Each call matches every copy once, releasing its folded text as the hunt does,
/// and returns the calling thread's CPU seconds per event. Found by name from another load context: keep the
/// signature.
/// </summary>
public static class SigmaDistinctWindow
{
    public static Func<double> Create(int events)
    {
        var inputs = new SigmaInputs();
        var perCopy = inputs.Events.Length;
        var copies = Math.Max(1, (events + perCopy - 1) / perCopy);
        Event[][] sets = [.. Enumerable.Range(0, copies).Select(_ => SigmaInputs.Decode(inputs.RegressionJson, inputs.Table).ToArray())];
        var hits = new List<CompiledRule>(64);
        double Window()
        {
            var start = ThreadCpuClock.Seconds();
            foreach (var set in sets)
            {
                for (var i = 0; i < set.Length; i++)
                {
                    hits.Clear();
                    inputs.Routed[i].Match(set[i], hits);
                    set[i].ReleaseFoldedText();
                }
            }
            return (ThreadCpuClock.Seconds() - start) / (copies * perCopy);
        }
        return Window;
    }
}
