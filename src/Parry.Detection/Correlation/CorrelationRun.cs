using System.Globalization;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Sigma.Correlations;

namespace Parry.Detection.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// The state of one correlation run over one stream: detections of the correlated rules go in one at a time, in
/// roughly event-time order; correlation detections come out. Detections wait in a reorder buffer until the
/// watermark (newest event time seen minus the lateness) passes them, and are then evaluated in exact order (event
/// time, then source path, record and rule), so any arrival order within the lateness gives the same result.
/// Windows close and state is dropped as the watermark passes them; state is capped (see
/// <see cref="CorrelationOptions"/>). Single-threaded: one run per consumer thread. Semantics: README.md.
/// </summary>
public sealed class CorrelationRun
{
    private readonly CorrelationSet _set;
    private readonly CorrelationOptions _options;
    private readonly IInputErrorSink? _errors;
    private readonly TimeProvider _time;
    private readonly ReorderBuffer _pending = new();
    private readonly GroupTable _groups;
    private readonly long _lateTicks;
    private readonly Stack<List<Firing>> _firingLists = new();
    private char[] _key = new char[128];
    private char[] _value = new char[128];
    private readonly double[] _numbers;
    private long _watermark = long.MinValue;
    private long _newest = long.MinValue;
    private long _arrival;
    private Parry.Core.Detections.RuleInfo? _lastRule;
    private MemberPlan[]? _lastRoutes;

    internal CorrelationRun(CorrelationSet set, CorrelationOptions options, IInputErrorSink? errors, TimeProvider time)
    {
        options.Validate();
        _set = set;
        _options = options;
        _errors = errors;
        _time = time;
        _lateTicks = options.Lateness.Ticks;
        _groups = new GroupTable(set.Compiled.Count, options, Counters);
        _numbers = new double[Math.Max(1, set.Compiled.Select(c => c.ValueFieldCount).DefaultIfEmpty(0).Max())];
        foreach (var c in set.Compiled)
        {
            if (c.EntriesNeeded != int.MaxValue && c.EntriesNeeded > options.MaxEntriesPerGroup)
                errors?.Report(new InputError(c.Source.Path, null,
                    $"correlation '{c.Info.Title}' needs {c.EntriesNeeded} events per group but a group may hold {options.MaxEntriesPerGroup}: it cannot fire"));
        }
    }

    public CorrelationCounters Counters { get; } = new();

    /// <summary>Event time up to which the stream is complete: detections before it are late.</summary>
    public DateTimeOffset? Watermark => _watermark is long.MinValue or long.MaxValue ? null : new DateTimeOffset(Math.Max(0, _watermark), TimeSpan.Zero);

    /// <summary>Hands in a detection (of any rule: those no correlation uses are ignored) at its event's time;
    /// correlation detections that are due are added to <paramref name="output"/>.</summary>
    public void Observe(Detection detection, List<Detection> output)
    {
        if (!TryGetRoutes(detection, out var routes))
            return;
        Counters.Observed++;
        if (detection.Timestamp is not { } time)
        {
            Counters.Untimed++;
            Report(detection, "its event has no time, so it cannot be placed in a correlation window; left out of correlations");
            return;
        }
        Accept(detection, time.UtcTicks, routes, output);
    }

    /// <summary>As <see cref="Observe(Detection, List{Detection})"/>, at a time the caller assigns (such as the
    /// last time seen before an undated event).</summary>
    public void Observe(Detection detection, DateTimeOffset eventTime, List<Detection> output)
    {
        if (!TryGetRoutes(detection, out var routes))
            return;
        Counters.Observed++;
        Accept(detection, eventTime.UtcTicks, routes, output);
    }

    /// <summary>For a live stream gone quiet: the clock says event time has reached at least its current time, so
    /// windows that ended more than the lateness ago close.</summary>
    public void Advance(List<Detection> output) => Advance(_time.GetUtcNow(), output);

    /// <summary>Event time has reached <paramref name="now"/>: the watermark moves to now minus the lateness.</summary>
    public void Advance(DateTimeOffset now, List<Detection> output)
    {
        MoveWatermark(now.UtcTicks - _lateTicks);
        Release(output);
    }

    /// <summary>End of input: everything waiting is evaluated and every window closes (windows cut short by the end
    /// are judged on what they hold). Detections handed in afterwards are late.</summary>
    public void Flush(List<Detection> output)
    {
        MoveWatermark(long.MaxValue);
        Release(output);
    }

    // Runs of detections of one rule are common; its routes are kept at hand.
    private bool TryGetRoutes(Detection detection, out MemberPlan[] routes)
    {
        if (ReferenceEquals(detection.Rule, _lastRule))
        {
            routes = _lastRoutes!;
            return true;
        }
        if (!_set.TryGetRoutes(detection.Rule.Id, out routes))
            return false;
        _lastRule = detection.Rule;
        _lastRoutes = routes;
        return true;
    }

    private void Accept(Detection detection, long ticks, MemberPlan[] routes, List<Detection> output)
    {
        if (ticks < _watermark)
        {
            Counters.Late++;
            Report(detection, _watermark == long.MaxValue
                ? "it arrived after the correlation run ended; left out of correlations"
                : $"its time is {Format(_newest - ticks)} behind the newest event time seen, more than the allowed lateness of {Format(_lateTicks)}; left out of correlations");
            return;
        }
        _pending.Add(new PendingDetection(ticks, detection, routes, _arrival++));
        if (ticks > _newest)
        {
            _newest = ticks;
            MoveWatermark(ticks - _lateTicks);
        }
        if (_pending.Count > _options.MaxPending && _pending.TryPeek(out var oldest))
        {
            Counters.ForcedReleases++;
            MoveWatermark(oldest.Ticks + 1);
        }
        Release(output);
    }

    private void MoveWatermark(long watermark)
    {
        if (watermark > _watermark)
            _watermark = watermark;
    }

    private void Release(List<Detection> output)
    {
        while (_pending.TryPeek(out var next) && next.Ticks < _watermark)
        {
            _pending.Take();
            FireDue(next.Ticks, output);
            foreach (var plan in next.Routes)
                Feed(plan, next.Detection, next.Ticks, output);
        }
        FireDue(_watermark, output);
        Counters.Pending = _pending.Count;
    }

    // Windows that ended before `before` close (and are judged); eager groups whose entries have all left their
    // window are dropped.
    private void FireDue(long before, List<Detection> output)
    {
        while (_groups.TryTakeDue(before, out var group))
        {
            if (group.Correlation.Mode == FiringMode.Eager)
            {
                _groups.Remove(group);
                continue;
            }
            var end = group.Due;
            var firings = _firingLists.Count > 0 ? _firingLists.Pop() : [];
            group.Close(firings);
            _groups.Remove(group);
            foreach (var firing in firings)
                Emit(group, firing, end, output);
            firings.Clear();
            _firingLists.Push(firings);
        }
    }

    private void Feed(MemberPlan plan, Detection detection, long ticks, List<Detection> output)
    {
        var correlation = plan.Correlation;
        var e = detection.Event;
        if (!BuildKey(e, plan.GroupFields, ref _key, out var keyLength))
        {
            Counters.MissingGroupField++;
            return;
        }
        var valueLength = 0;
        if (correlation.Type is CorrelationType.ValueCount or CorrelationType.ValuePercentile)
        {
            if (!BuildKey(e, plan.ValueFields, ref _value, out valueLength))
            {
                Counters.MissingValue++;
                return;
            }
        }
        else if (plan.ValueFields.Length > 0 && !ReadNumbers(e, plan.ValueFields))
        {
            Counters.MissingValue++;
            return;
        }

        var key = _key.AsSpan(0, keyLength);
        var group = _groups.Find(correlation, key);
        if (group is null)
            group = _groups.Create(correlation, key.ToString(), GroupByOf(correlation, plan, e), ticks);
        else
            _groups.Touch(group, ticks);

        var before = group.Entries;
        group.Last = detection;
        group.Add(new Observation(ticks, detection, plan.Member, _value.AsSpan(0, valueLength), _numbers.AsSpan(0, plan.ValueFields.Length)));
        while (group.Entries > _options.MaxEntriesPerGroup)
        {
            var size = group.Entries;
            group.DropOldest();
            if (group.Entries == size)
                break; // nothing left that can go
            Counters.EvictedEntries += size - group.Entries;
        }
        Counters.BufferedEntries += group.Entries - before;
        Counters.PeakBufferedEntries = Math.Max(Counters.PeakBufferedEntries, Counters.BufferedEntries);

        if (correlation.Mode == FiringMode.Eager && group.TryFire(out var firing))
        {
            // Each detection is backed by its own events: the group starts over.
            Counters.BufferedEntries -= group.Entries;
            group.Reset();
            _groups.EnforceEntryCap(group);
            Emit(group, firing, ticks, output);
            return;
        }
        _groups.EnforceEntryCap(group);
    }

    private void Emit(GroupState group, Firing firing, long ticks, List<Detection> output)
    {
        var correlation = group.Correlation;
        var e = firing.Completing.Event;
        var detection = new Detection(correlation.Info, e, e.PrimaryActor)
        {
            Related = firing.Related,
            GroupBy = group.GroupBy,
            Aggregate = firing.Aggregate,
        };
        Counters.Fired++;
        if (correlation.Reports)
        {
            Counters.Reported++;
            output.Add(detection);
        }
        // A chain: the correlations built on this one see it now, at the point in the stream where it was made.
        foreach (var consumer in correlation.Consumers)
            Feed(consumer, detection, ticks, output);
    }

    // Each value as its length (two chars) and its lower-cased text, so no value can run into the next.
    private static bool BuildKey(Event e, int[][] fields, ref char[] buffer, out int length)
    {
        length = 0;
        foreach (var candidates in fields)
        {
            if (!TryRead(e, candidates, out var value))
                return false;
            // Folded here rather than through EventValue.FoldedText, which makes the event fold (and allocate)
            // its whole text the first time it is asked.
            var text = value.Text;
            var needed = length + 2 + text.Length;
            if (needed > buffer.Length)
                Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
            buffer[length++] = (char)(text.Length >> 16);
            buffer[length++] = (char)text.Length;
            text.ToLowerInvariant(buffer.AsSpan(length, text.Length));
            length += text.Length;
        }
        return true;
    }

    private bool ReadNumbers(Event e, int[][] fields)
    {
        var any = false;
        for (var f = 0; f < fields.Length; f++)
        {
            if (TryRead(e, fields[f], out var value) && value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                _numbers[f] = number;
                any = true;
            }
            else
            {
                _numbers[f] = double.NaN;
            }
        }
        return any;
    }

    private static bool TryRead(Event e, int[] candidates, out EventValue value)
    {
        foreach (var field in candidates)
        {
            if (e.TryGetValue(field, out value) && !value.IsNull)
                return true;
        }
        value = default;
        return false;
    }

    private static KeyValuePair<string, string>[] GroupByOf(CompiledCorrelation correlation, MemberPlan plan, Event e)
    {
        var names = correlation.Source.GroupBy;
        var pairs = new KeyValuePair<string, string>[names.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            TryRead(e, plan.GroupFields[i], out var value);
            pairs[i] = new KeyValuePair<string, string>(names[i], value.Text.ToString());
        }
        return pairs;
    }

    private void Report(Detection detection, string why)
    {
        var origin = detection.Event.Origin;
        _errors?.Report(new InputError(origin.Path, origin.Record, $"correlation: detection of '{detection.Rule.Title}': {why}"));
    }

    private static string Format(long ticks) => TimeSpan.FromTicks(ticks).ToString("c", CultureInfo.InvariantCulture);
}
