using Parry.Core.Campaigns;

namespace Parry.Detection.Behaviour;

/// <summary>
/// Turns an actor's tracked behaviour into an autonomy score in [0, 1]: the weighted share of signals that read as
/// machine-driven. A signal that cannot be judged (too few events) does not fire but keeps its weight, so a short,
/// human session cannot score high by accident. No hidden terms: the output lists every signal.
/// </summary>
public sealed class AutonomyScorer(AutonomyThresholds thresholds)
{
    internal AutonomyScore Score(in ActorState state, ActorFindings? findings)
    {
        var t = thresholds;
        var signals = new List<AutonomySignal>();
        var judged = state.Gaps >= t.MinGaps;
        var median = state.Histogram.MedianSeconds();
        var mean = state.Gaps > 0 ? state.GapSumSeconds / state.Gaps : 0;
        var variance = state.Gaps > 1 ? Math.Max(0, state.GapSumSquares / state.Gaps - mean * mean) : 0;
        var cv = mean > 0 ? Math.Sqrt(variance) / mean : 0;
        var share = state.Gaps > 0 ? (double)state.GapsBelowFloor / state.Gaps : 0;

        signals.Add(Signal("median_gap_s", double.IsNaN(median) ? 0 : median, t.MedianGapSeconds,
            judged && median < t.MedianGapSeconds, t.MedianGapWeight,
            $"median time between actions (of {state.Gaps} gaps); a person rarely acts faster than the threshold"));
        signals.Add(Signal("share_gaps_below_floor", share, t.ShareBelowFloor,
            judged && share >= t.ShareBelowFloor, t.ShareBelowFloorWeight,
            "share of gaps shorter than the human floor (page assets fetched by a browser left out)"));
        signals.Add(Signal("sustained_machine_tempo_s", state.LongestRunMs / 1000.0, t.SustainedSeconds,
            judged && state.LongestRunMs / 1000.0 >= t.SustainedSeconds, t.SustainedWeight,
            "longest stretch kept at sub-human gaps"));
        signals.Add(Signal("peak_per_minute", state.PeakPerMinute, t.PeakPerMinute,
            judged && state.PeakPerMinute >= t.PeakPerMinute, t.PeakRateWeight,
            "most actions in one minute"));
        signals.Add(Signal("gap_cv", cv, t.GapCv,
            judged && cv <= t.GapCv, t.GapCvWeight,
            "coefficient of variation of gaps; people pause irregularly (high), loops run evenly (low)"));
        var items = state.Items.Estimate();
        signals.Add(Signal("distinct_items", Math.Round(items), t.DistinctItems,
            items >= t.DistinctItems, t.DistinctItemsWeight,
            "distinct paths, users or ports tried (estimated)"));
        var targets = state.Targets.Estimate();
        signals.Add(Signal("distinct_targets", Math.Round(targets), t.DistinctTargets,
            targets >= t.DistinctTargets, t.DistinctTargetsWeight,
            "distinct targets acted on (estimated)"));
        signals.Add(Signal("parallel_targets", state.MaxWindowTargets, t.ParallelTargets,
            state.MaxWindowTargets >= t.ParallelTargets, t.ParallelTargetsWeight,
            "most distinct targets within one short window"));
        signals.Add(Signal("adapted_retries", state.AdaptedRetries, t.AdaptedRetries,
            state.AdaptedRetries >= t.AdaptedRetries, t.AdaptedRetriesWeight,
            $"failures followed within seconds by a changed attempt on the same target ({state.Failures} failures)"));

        var tactics = findings?.Tactics.Count ?? 0;
        var stageGap = findings is null ? double.NaN : MedianStageGapSeconds(findings);
        signals.Add(Signal("tactics", tactics, t.Tactics, tactics >= t.Tactics, t.TacticsWeight,
            "ATT&CK tactics reached, from detections' tags"));
        signals.Add(Signal("median_stage_gap_s", double.IsNaN(stageGap) ? 0 : stageGap, t.StageGapSeconds,
            tactics >= t.Tactics && stageGap <= t.StageGapSeconds, t.StageGapWeight,
            "median time from one new tactic to the next"));

        var total = signals.Sum(s => s.Weight);
        var score = total > 0 ? signals.Where(s => s.Fired).Sum(s => s.Weight) / total : 0;
        return new AutonomyScore(Math.Clamp(score, 0, 1), signals);
    }

    private static double MedianStageGapSeconds(ActorFindings findings)
    {
        var firsts = findings.Tactics.Values.Select(t => t.FirstTicks).Order().ToList();
        // Undated detections (time zero) give no stage timing.
        if (firsts.Count < 2 || firsts[0] == 0)
            return double.NaN;
        var gaps = firsts.Zip(firsts.Skip(1), (a, b) => (b - a) / (double)TimeSpan.TicksPerSecond).Order().ToList();
        return gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2;
    }

    private static AutonomySignal Signal(string name, double value, double threshold, bool fired, double weight, string description) =>
        new(name, value, threshold, fired, weight, description);
}
