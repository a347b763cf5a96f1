namespace Parry.Detection.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>A detection waiting for the watermark, with the correlations it feeds. Ordered by event time, then by
/// where the event came from (path, record) and the rule, so the order does not depend on arrival.</summary>
internal readonly record struct PendingDetection(long Ticks, Detection Detection, MemberPlan[] Routes, long Arrival)
{
    public static int Compare(in PendingDetection a, in PendingDetection b)
    {
        var c = a.Ticks.CompareTo(b.Ticks);
        if (c != 0)
            return c;
        var ao = a.Detection.Event.Origin;
        var bo = b.Detection.Event.Origin;
        c = string.CompareOrdinal(ao.Path, bo.Path);
        if (c != 0)
            return c;
        c = ao.Record.CompareTo(bo.Record);
        if (c != 0)
            return c;
        c = string.CompareOrdinal(a.Detection.Rule.Id, b.Detection.Rule.Id);
        return c != 0 ? c : a.Arrival.CompareTo(b.Arrival);
    }
}
