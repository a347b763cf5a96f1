using Parry.Agents.Analysis;
using Parry.Agents.Shell;
using Parry.Agents.Targets;

namespace Parry.Agents.Recognisers;

/// <summary>
/// Recognises what an ssh client is used for: port forwarding and SOCKS proxies (<c>-L</c>, <c>-R</c>, <c>-D</c>,
/// <c>-w</c>: a tunnel, whose forward targets are extracted) and, towards a private or internal host, lateral
/// movement when it logs in with a key, a password tool (<c>sshpass</c>), host-key checking switched off, or runs a
/// remote command.
/// </summary>
internal static class SshRecogniser
{
    private const string ShortWithValue = "bcDEeFIiJLlmOopQRSWw";

    public static void Recognise(Invocation invocation, AnalysisCollector collector)
    {
        if (!NetworkPrograms.IsSshClient(invocation.Program))
            return;
        var arguments = invocation.Arguments;
        var evidence = invocation.Command.ToString();
        var forwards = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (word is "-L" or "-R" or "-D" or "-w" && i + 1 < arguments.Count)
            {
                forwards = true;
                AddForwardTarget(arguments[i + 1], collector);
                i++;
            }
            else if (word.Length > 2 && word[0] == '-' && word[1] is 'L' or 'R' or 'D' && char.IsAsciiDigit(word[2]))
            {
                forwards = true;
                AddForwardTarget(word[2..], collector);
            }
            else if (OptionScanner.IsBundleWith(word, 'L') || OptionScanner.IsBundleWith(word, 'R') || OptionScanner.IsBundleWith(word, 'D'))
            {
                forwards = true;
                if (i + 1 < arguments.Count && (word.EndsWith('L') || word.EndsWith('R') || word.EndsWith('D')))
                    AddForwardTarget(arguments[++i], collector);
            }
        }
        if (forwards)
            collector.AddBehaviour("ssh-tunnel", evidence);

        var destinationIndex = FirstOperand(arguments);
        if (destinationIndex >= arguments.Count)
            return;
        var destination = arguments[destinationIndex];
        var at = destination.LastIndexOf('@');
        var host = at >= 0 ? destination[(at + 1)..] : destination;
        var targetClass = Classify(host);
        if (targetClass is not (TargetClass.Private or TargetClass.Internal or TargetClass.LinkLocal))
            return;
        var withKey = arguments.Any(a => a == "-i" || (a.StartsWith("-i", StringComparison.Ordinal) && a.Length > 2 && !a.StartsWith("-it", StringComparison.Ordinal)));
        var noHostKeyCheck = arguments.Any(a => a.Contains("StrictHostKeyChecking=no", StringComparison.OrdinalIgnoreCase)
            || a.Contains("UserKnownHostsFile=/dev/null", StringComparison.OrdinalIgnoreCase));
        var sshpass = invocation.Command.Words.Any(w => ProgramName.Normalise(w) == "sshpass");
        var remoteCommand = destinationIndex + 1 < arguments.Count;
        if (withKey || noHostKeyCheck || sshpass || remoteCommand)
            collector.AddBehaviour("ssh-internal-host", evidence);
    }

    private static int FirstOperand(IReadOnlyList<string> arguments)
    {
        var i = 0;
        while (i < arguments.Count)
        {
            var word = arguments[i];
            if (word == "--")
                return i + 1;
            if (word.Length < 2 || word[0] != '-')
                return i;
            i += word.Length == 2 && ShortWithValue.Contains(word[1]) ? 2 : 1;
        }
        return i;
    }

    private static TargetClass Classify(string host)
    {
        if (TargetParser.TryParseAddress(host, out var address))
            return TargetClassifier.Classify(address);
        return TargetParser.IsHostName(host, expected: true) || !host.Contains('.') ? TargetClassifier.ClassifyHost(host) : TargetClass.Public;
    }

    // [bind:]port:host:hostport, or a bare port for -D.
    private static void AddForwardTarget(string spec, AnalysisCollector collector)
    {
        var parts = spec.Split(':');
        if (parts.Length >= 3 && TargetParser.TryParsePort(parts[^1], out var port))
        {
            var host = parts[^2].Trim('[', ']');
            if (collector.Targets.AddHostOrAddress(host, port, null, hostExpected: true))
                collector.Targets.AddPort(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
