using Parry.Core.Events;
using Parry.Ingest.LogSources;

namespace Parry.Detection.Behaviour;

/// <summary>
/// Takes an <see cref="Activity"/> out of events of one shape, per the <c>activity</c> sections of the mapping
/// entries that hold for them. Compiled once per entry set; immutable, thread-safe.
/// </summary>
internal sealed class ActivityExtractor
{
    public static readonly ActivityExtractor Empty = new([], [], [], []);

    private readonly int[] _target;
    private readonly int[] _item;
    private readonly (int Field, ValuePatternSet Patterns)[] _failure;
    private readonly (int Field, ValuePatternSet Patterns)[] _followUp;

    private ActivityExtractor(int[] target, int[] item, (int, ValuePatternSet)[] failure, (int, ValuePatternSet)[] followUp)
    {
        _target = target;
        _item = item;
        _failure = failure;
        _followUp = followUp;
    }

    /// <summary>Interns the fields of every entry's activity section (before the field table is frozen) and
    /// returns a function that makes the extractor for a set of entries.</summary>
    public static Func<EntrySet, ActivityExtractor> Prepare(LogSourceMap map, FieldTableBuilder fields)
    {
        var compiled = map.Entries.Select(entry => Compile(entry.Activity, fields)).ToArray();
        return set =>
        {
            // Per key, the first entry (in file order) that says something wins.
            var parts = set.Indices.Select(i => compiled[i]).ToList();
            var result = new ActivityExtractor(
                parts.FirstOrDefault(p => p._target.Length > 0)?._target ?? [],
                parts.FirstOrDefault(p => p._item.Length > 0)?._item ?? [],
                parts.FirstOrDefault(p => p._failure.Length > 0)?._failure ?? [],
                parts.FirstOrDefault(p => p._followUp.Length > 0)?._followUp ?? []);
            return result.IsEmpty ? Empty : result;
        };
    }

    private bool IsEmpty => _target.Length == 0 && _item.Length == 0 && _failure.Length == 0 && _followUp.Length == 0;

    private static ActivityExtractor Compile(ActivitySpec spec, FieldTableBuilder fields) => new(
        [.. spec.Target.Select(fields.Intern)],
        [.. spec.Item.Select(fields.Intern)],
        [.. spec.Failure.Select(c => (fields.Intern(c.Field), new ValuePatternSet(c.Values)))],
        [.. spec.FollowUp.Select(c => (fields.Intern(c.Field), new ValuePatternSet(c.Values)))]);

    /// <summary>The activity of an event that has an actor; <paramref name="keepTarget"/> keeps the target's
    /// text (for events that raised detections).</summary>
    public Activity Extract(Event e, bool keepTarget)
    {
        var actor = e.PrimaryActor ?? throw new InvalidOperationException("activity needs an actor");
        var flags = ActivityFlags.None;
        ulong targetHash = 0, itemHash = 0;
        string? target = null;
        if (First(e, _target, out var targetValue))
        {
            flags |= ActivityFlags.HasTarget;
            targetHash = KeyHash.OfFolded(targetValue.FoldedText);
            if (keepTarget)
                target = targetValue.Text.ToString();
        }
        if (First(e, _item, out var itemValue))
        {
            flags |= ActivityFlags.HasItem;
            itemHash = KeyHash.OfFolded(itemValue.FoldedText);
        }
        if (AnyHolds(e, _failure))
            flags |= ActivityFlags.Failure;
        if (AnyHolds(e, _followUp))
            flags |= ActivityFlags.FollowUp;
        if (e.Timestamp is null)
            flags |= ActivityFlags.Undated;
        return new Activity(actor, KeyHash.Of(actor), e.Timestamp?.UtcTicks ?? 0, targetHash, itemHash, flags, target);
    }

    private static bool First(Event e, int[] fields, out EventValue value)
    {
        foreach (var field in fields)
        {
            if (e.TryGetValue(field, out value) && !value.Text.IsWhiteSpace() && value.Text is not "-")
                return true;
        }
        value = default;
        return false;
    }

    private static bool AnyHolds(Event e, (int Field, ValuePatternSet Patterns)[] conditions)
    {
        foreach (var (field, patterns) in conditions)
        {
            foreach (var value in e.Values(field))
            {
                if (patterns.Matches(value.FoldedText))
                    return true;
            }
        }
        return false;
    }
}
