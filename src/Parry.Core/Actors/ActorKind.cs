namespace Parry.Core.Actors;

/// <summary>What identifies an actor. The JSON names (<c>ip</c>, <c>user</c>, <c>host</c>, <c>session</c>) are in
/// CONTRACT.md.</summary>
public enum ActorKind : byte
{
    Ip,
    User,
    Host,
    Session,
}
