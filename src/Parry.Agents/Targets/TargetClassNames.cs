namespace Parry.Agents.Targets;

/// <summary>The names of <see cref="TargetClass"/> as they appear in <c>target.classes</c>.</summary>
public static class TargetClassNames
{
    public static string Name(this TargetClass targetClass) => targetClass switch
    {
        TargetClass.Public => "public",
        TargetClass.Private => "private",
        TargetClass.Loopback => "loopback",
        TargetClass.LinkLocal => "link-local",
        TargetClass.Documentation => "documentation",
        TargetClass.Multicast => "multicast",
        TargetClass.Unspecified => "unspecified",
        TargetClass.Reserved => "reserved",
        TargetClass.Internal => "internal",
        _ => throw new ArgumentOutOfRangeException(nameof(targetClass), targetClass, null),
    };
}
