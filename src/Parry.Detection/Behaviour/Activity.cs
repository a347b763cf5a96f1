using Parry.Core.Actors;

namespace Parry.Detection.Behaviour;

/// <summary>
/// What the behaviour analytics need from one event, taken out of it on the matching thread: who (actor and its
/// 64-bit key), when, what was acted on and what was tried (as hashes), and whether it failed or was a
/// machine-generated follow-up. <see cref="Target"/> text is kept only for events that raised detections.
/// </summary>
public readonly record struct Activity(
    Actor Actor,
    ulong ActorKey,
    long Ticks,
    ulong TargetHash,
    ulong ItemHash,
    ActivityFlags Flags,
    string? Target)
{
    public bool IsFailure => (Flags & ActivityFlags.Failure) != 0;

    public bool IsFollowUp => (Flags & ActivityFlags.FollowUp) != 0;

    public bool HasTarget => (Flags & ActivityFlags.HasTarget) != 0;

    public bool HasItem => (Flags & ActivityFlags.HasItem) != 0;

    public bool IsUndated => (Flags & ActivityFlags.Undated) != 0;
}
