namespace Parry.Detection.Behaviour;

[Flags]
public enum ActivityFlags : byte
{
    None = 0,
    Failure = 1,
    FollowUp = 2,
    HasTarget = 4,
    HasItem = 8,
}
