using Parry.Agents.Analysis;
using Parry.Agents.Shell;

namespace Parry.Agents.Recognisers;

/// <summary>
/// Recognises shells bound to network connections: a shell redirected to <c>/dev/tcp</c>; netcat executing a shell
/// (<c>-e</c>, ncat <c>-c</c>/<c>--exec</c>/<c>--sh-exec</c>); a shell piped to or from a stream client
/// (<c>mkfifo … | sh -i | nc host port</c>); socat joining <c>exec:</c>/<c>system:</c> to a socket; and listeners
/// waiting for one (<c>nc -lvnp 4444</c>, <c>socat tcp-listen:…</c>).
/// </summary>
internal static class ReverseShellRecogniser
{
    public static void Recognise(Invocation invocation, AnalysisCollector collector)
    {
        var program = invocation.Program;
        var evidence = invocation.Command.ToString();
        if (DevTcpRedirect(invocation.Command) && (ProgramName.IsCommandInterpreter(program) || program == "exec" || invocation.Command.Redirects.Count >= 2))
            collector.AddBehaviour("reverse-shell-dev-tcp", evidence);

        if (NetworkPrograms.IsNetcat(program))
            Netcat(invocation, collector, evidence);
        else if (program == "socat")
            Socat(invocation, collector, evidence);

        if (ProgramName.IsCommandInterpreter(program) && !invocation.RunsAnother
            && (invocation.PipeTarget is { } target && NetworkPrograms.IsStreamClient(target.Program)
                || invocation.PipeSource is { } source && NetworkPrograms.IsStreamClient(source.Program)))
            collector.AddBehaviour("reverse-shell-pipe", evidence);
    }

    private static bool DevTcpRedirect(ShellCommand command)
    {
        foreach (var redirect in command.Redirects)
        {
            if (redirect.Target.StartsWith("/dev/tcp/", StringComparison.Ordinal) || redirect.Target.StartsWith("/dev/udp/", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static void Netcat(Invocation invocation, AnalysisCollector collector, string evidence)
    {
        var arguments = invocation.Arguments;
        var exec = CatalogueMatcher.HasFlag(arguments, "-e") || CatalogueMatcher.HasFlag(arguments, "--exec")
            || CatalogueMatcher.HasFlag(arguments, "--sh-exec") || CatalogueMatcher.HasFlag(arguments, "--lua-exec")
            || (invocation.Program is "ncat" or "pwncat" && CatalogueMatcher.HasFlag(arguments, "-c"));
        if (exec)
            collector.AddBehaviour("reverse-shell-netcat-exec", evidence);
        var listen = CatalogueMatcher.HasFlag(arguments, "-l") || CatalogueMatcher.HasFlag(arguments, "--listen")
            || (invocation.Program == "powercat" && CatalogueMatcher.HasFlag(arguments, "-l"));
        if (listen && !CatalogueMatcher.HasFlag(arguments, "-z"))
            collector.AddBehaviour("shell-listener", evidence);
    }

    private static void Socat(Invocation invocation, AnalysisCollector collector, string evidence)
    {
        var execAddress = false;
        var socket = false;
        var listen = false;
        var connect = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.StartsWith('-') && !argument.StartsWith("-,", StringComparison.Ordinal))
                continue;
            var folded = argument.ToLowerInvariant();
            if (folded.StartsWith("exec:", StringComparison.Ordinal) || folded.StartsWith("system:", StringComparison.Ordinal))
                execAddress = true;
            if (folded.Contains("listen", StringComparison.Ordinal))
            {
                socket = listen = true;
                continue;
            }
            if (folded.StartsWith("tcp", StringComparison.Ordinal) || folded.StartsWith("udp", StringComparison.Ordinal)
                || folded.StartsWith("openssl", StringComparison.Ordinal) || folded.StartsWith("ssl", StringComparison.Ordinal)
                || folded.StartsWith("sctp", StringComparison.Ordinal))
            {
                socket = connect = true;
                AddSocatTarget(argument, collector);
            }
        }
        if (execAddress && socket)
            collector.AddBehaviour("reverse-shell-socat", evidence);
        else if (listen && connect)
            collector.AddBehaviour("socat-relay", evidence);
        else if (listen)
            collector.AddBehaviour("shell-listener", evidence);
    }

    // TCP:host:port,options / tcp4-connect:host:port / openssl:host:port
    private static void AddSocatTarget(string address, AnalysisCollector collector)
    {
        var comma = address.IndexOf(',');
        var core = comma >= 0 ? address[..comma] : address;
        var parts = core.Split(':');
        if (parts.Length < 3 || !Targets.TargetParser.TryParsePort(parts[^1], out var port))
            return;
        var host = string.Join(':', parts[1..^1]);
        if (collector.Targets.AddHostOrAddress(host, port, null, hostExpected: true))
            collector.Targets.AddPort(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
