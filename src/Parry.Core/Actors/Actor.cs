namespace Parry.Core.Actors;

/// <summary>Someone or something that acts: a source address, an account, a machine, an agent session.</summary>
public readonly record struct Actor(ActorKind Kind, string Value)
{
    public string KindName => Kind switch
    {
        ActorKind.Ip => "ip",
        ActorKind.User => "user",
        ActorKind.Host => "host",
        ActorKind.Session => "session",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    public override string ToString() => $"{KindName}:{Value}";

    public static bool TryParseKind(string name, out ActorKind kind)
    {
        switch (name.ToLowerInvariant())
        {
            case "ip": kind = ActorKind.Ip; return true;
            case "user": kind = ActorKind.User; return true;
            case "host": kind = ActorKind.Host; return true;
            case "session": kind = ActorKind.Session; return true;
            default: kind = default; return false;
        }
    }
}
