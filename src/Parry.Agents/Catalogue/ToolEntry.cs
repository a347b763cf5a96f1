using System.Collections.Frozen;

namespace Parry.Agents.Catalogue;

/// <summary>A program (or PowerShell cmdlet) recognised by name, with the conditions on its arguments that must also
/// hold. Names and conditions are stored lower-cased.</summary>
internal sealed class ToolEntry(
    Recognition recognition,
    IReadOnlyList<string> programs,
    FrozenSet<string> subcommands,
    IReadOnlyList<string> flags,
    IReadOnlyList<string> arguments,
    bool network,
    IReadOnlyList<string> portFlags,
    bool? singlePort)
{
    public Recognition Recognition { get; } = recognition;

    public IReadOnlyList<string> Programs { get; } = programs;

    /// <summary>The first argument must be one of these (empty: no condition).</summary>
    public FrozenSet<string> Subcommands { get; } = subcommands;

    /// <summary>One of these options must be present (empty: no condition).</summary>
    public IReadOnlyList<string> Flags { get; } = flags;

    /// <summary>The arguments, joined by single spaces, must contain one of these (empty: no condition).</summary>
    public IReadOnlyList<string> Arguments { get; } = arguments;

    /// <summary>The program's positional arguments name hosts.</summary>
    public bool Network { get; } = network;

    /// <summary>Options whose value is a port or a port list.</summary>
    public IReadOnlyList<string> PortFlags { get; } = portFlags;

    /// <summary>true: the entry applies only when the arguments after the host name exactly one literal port (a
    /// reachability check); false: only when they don't (several ports, a range, a list, a shell variable — a scan);
    /// null: no condition.</summary>
    public bool? SinglePort { get; } = singlePort;

    public bool HasConditions => Subcommands.Count > 0 || Flags.Count > 0 || Arguments.Count > 0 || SinglePort.HasValue;
}
