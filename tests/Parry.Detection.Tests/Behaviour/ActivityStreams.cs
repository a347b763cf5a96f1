using Parry.Core.Actors;
using Parry.Detection.Behaviour;

namespace Parry.Detection.Tests.Behaviour;

/// <summary>Hand-made activity streams for behaviour tests: a time cursor and an actor.</summary>
internal sealed class ActivityStreams(Actor actor, DateTimeOffset start)
{
    private long _ticks = start.UtcTicks;

    public Actor Actor => actor;

    public long Ticks => _ticks;

    public Activity Next(double afterSeconds, string? target = "web01", string? item = null, bool failure = false, bool followUp = false, string? keepTarget = null)
    {
        _ticks += (long)(afterSeconds * TimeSpan.TicksPerSecond);
        var flags = ActivityFlags.None;
        if (target is not null)
            flags |= ActivityFlags.HasTarget;
        if (item is not null)
            flags |= ActivityFlags.HasItem;
        if (failure)
            flags |= ActivityFlags.Failure;
        if (followUp)
            flags |= ActivityFlags.FollowUp;
        return new Activity(actor, KeyHash.Of(actor), _ticks,
            target is null ? 0 : KeyHash.OfFolded(target.ToLowerInvariant()),
            item is null ? 0 : KeyHash.OfFolded(item.ToLowerInvariant()),
            flags, keepTarget);
    }
}
