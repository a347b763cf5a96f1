using Parry.Agents.Analysis;
using Parry.Agents.Catalogue;
using Parry.Agents.Shell;

namespace Parry.Agents.Recognisers;

/// <summary>Recognises programs by name against the catalogue, checks each entry's conditions on the arguments, and
/// extracts the invocation's targets and ports (positional hosts for network programs, port options).</summary>
internal static class CatalogueMatcher
{
    public static void Recognise(Invocation invocation, AnalysisCollector collector)
    {
        collector.AddProgram(invocation.Program);
        var catalogue = collector.Catalogue;
        var entries = catalogue.EntriesFor(invocation.Program);
        if (entries.IsEmpty && ProgramName.Stem(invocation.Program) is { } stem)
            entries = catalogue.EntriesFor(stem);
        var network = false;
        List<string>? portFlags = null;
        foreach (var entry in entries)
        {
            network |= entry.Network;
            if (entry.PortFlags.Count > 0)
                (portFlags ??= []).AddRange(entry.PortFlags);
            if (!Matches(entry, invocation))
                continue;
            collector.AddFinding(entry.Recognition, invocation.ToString());
            if (entry.Recognition.Category.Offensive)
                collector.AddTool(invocation.Program);
        }
        ExtractTargets(invocation, network, portFlags, collector);
    }

    public static bool Matches(ToolEntry entry, Invocation invocation)
    {
        var arguments = invocation.Arguments;
        if (entry.Subcommands.Count > 0 && (arguments.Count == 0 || !entry.Subcommands.Contains(arguments[0].ToLowerInvariant())))
            return false;
        if (entry.Flags.Count > 0 && !entry.Flags.Any(flag => HasFlag(arguments, flag)))
            return false;
        if (entry.Arguments.Count > 0)
        {
            var folded = invocation.FoldedArguments;
            if (!entry.Arguments.Any(a => folded.Contains(a, StringComparison.Ordinal)))
                return false;
        }
        if (entry.SinglePort is { } single && NamesOneLiteralPort(arguments, entry.PortFlags) != single)
            return false;
        return true;
    }

    /// <summary>
    /// Whether the invocation names exactly one port, written as a number: the value of a port option, or a number
    /// after the host (the first word that is neither an option nor a number — numbers before it are option values
    /// such as <c>-w 1</c>): <c>nc -zv db 5432</c>, <c>Test-NetConnection db -Port 443</c>. Several ports, a range or
    /// list (<c>20-80</c>, <c>22,80</c>) or a shell variable (<c>$p</c> in a loop) is not one port.
    /// </summary>
    internal static bool NamesOneLiteralPort(IReadOnlyList<string> arguments, IReadOnlyList<string> portFlags)
    {
        var hostSeen = false;
        var ports = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (word.Length == 0)
                continue;
            if (word[0] == '-')
            {
                if (i + 1 < arguments.Count && portFlags.Any(flag => word.Equals(flag, StringComparison.OrdinalIgnoreCase)))
                {
                    if (!Parry.Agents.Targets.TargetParser.TryParsePort(arguments[++i], out _))
                        return false;
                    ports++;
                }
                continue;
            }
            var number = Parry.Agents.Targets.TargetParser.TryParsePort(word, out _);
            if (!hostSeen)
            {
                hostSeen = !number;
                continue;
            }
            if (number)
                ports++;
            else if (word.Contains('$') || word.Contains('%') || Parry.Agents.Targets.TargetParser.ParsePorts(word, max: 2).Count > 0)
                return false;
        }
        return ports == 1;
    }

    /// <summary>
    /// Whether an option is present. A single-letter option (<c>-l</c>) is case-sensitive and also found in bundles
    /// of letters (<c>-lvnp</c>); longer ones (<c>--script</c>, <c>/add</c>, <c>-ComputerName</c>) are compared
    /// case-insensitively and also match with an attached value (<c>--script=vuln</c>, <c>/node:host</c>).
    /// </summary>
    public static bool HasFlag(IReadOnlyList<string> arguments, string flag)
    {
        var single = flag.Length == 2 && flag[0] == '-' && char.IsAsciiLetter(flag[1]);
        foreach (var argument in arguments)
        {
            if (single)
            {
                if (argument == flag || OptionScanner.IsBundleWith(argument, flag[1]))
                    return true;
                continue;
            }
            if (argument.Equals(flag, StringComparison.OrdinalIgnoreCase))
                return true;
            if (argument.Length > flag.Length && argument.StartsWith(flag, StringComparison.OrdinalIgnoreCase)
                && argument[flag.Length] is '=' or ':')
                return true;
            if (flag.EndsWith(':') && argument.StartsWith(flag, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static void ExtractTargets(Invocation invocation, bool network, List<string>? portFlags, AnalysisCollector collector)
    {
        var arguments = invocation.Arguments;
        var targets = collector.Targets;
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (portFlags is not null && TryPortValue(arguments, ref i, portFlags, out var ports))
            {
                foreach (var port in Parry.Agents.Targets.TargetParser.ParsePorts(ports))
                    targets.AddPort(port);
                continue;
            }
            var before = targets.Targets.Count;
            targets.AddWord(word, network && !word.StartsWith('-'));
            // nc host port, telnet host port: a bare number right after a host is its port.
            if (targets.Targets.Count > before && i + 1 < arguments.Count && targets.Targets[^1].Port is null
                && Parry.Agents.Targets.TargetParser.TryParsePort(arguments[i + 1], out var next))
            {
                targets.AddHostOrAddress(targets.Targets[^1].Value, next, null, hostExpected: true);
                i++;
            }
        }
        foreach (var redirect in invocation.Command.Redirects)
            targets.AddWord(redirect.Target, hostExpected: false);
    }

    private static bool TryPortValue(IReadOnlyList<string> arguments, ref int index, List<string> portFlags, out string value)
    {
        var word = arguments[index];
        foreach (var flag in portFlags)
        {
            if (word == flag && index + 1 < arguments.Count)
            {
                value = arguments[++index];
                return true;
            }
            if (word.Length > flag.Length && word.StartsWith(flag, StringComparison.Ordinal))
            {
                var rest = word[flag.Length..];
                if (rest[0] is '=' or ':')
                    rest = rest[1..];
                if (rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || rest[0] == '-'))
                {
                    value = rest;
                    return true;
                }
            }
        }
        value = "";
        return false;
    }
}
