namespace Parry.Detection.Behaviour;

[Flags]
public enum ActivityFlags : byte
{
    None = 0,
    Failure = 1,
    FollowUp = 2,
    HasTarget = 4,
    HasItem = 8,

    /// <summary>The event carries no time (e.g. an agent trajectory): it counts for breadth and failures, never for
    /// tempo.</summary>
    Undated = 16,
}
