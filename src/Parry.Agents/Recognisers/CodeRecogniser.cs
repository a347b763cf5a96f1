using System.Text.RegularExpressions;
using Parry.Agents.Analysis;
using Parry.Agents.Shell;

namespace Parry.Agents.Recognisers;

/// <summary>
/// Recognises what code an agent writes or runs does (a <c>python -c</c> string, a file it creates, a script it
/// edits): catalogue code indicators (exploit libraries, reverse-shell constructions, credential theft), the hosts and
/// ports it connects to (<c>remote("host", 4444)</c>, <c>connect(("10.0.0.5", 22))</c>, URLs, IPv4 literals),
/// and shell commands it runs (<c>os.system("…")</c>, <c>subprocess.run([...])</c>), which are analysed as command
/// lines. Exploit code that talks to a remote service is an exploitation attempt against that service.
/// </summary>
internal static partial class CodeRecogniser
{
    private const int MaxCodeChars = 256 * 1024;
    private const int MaxShellStrings = 64;
    private const int MaxHostPorts = 64;

    public static void Recognise(string code, int depth, AnalysisCollector collector)
    {
        try
        {
            Scan(code, depth, collector);
        }
        catch (RegexMatchTimeoutException)
        {
            collector.Truncated = true; // a pathological text: what was found before the timeout stands
        }
    }

    /// <summary>Only the catalogue indicators: for PowerShell scripts, which are code as much as command lines.</summary>
    public static void RecogniseIndicators(string code, AnalysisCollector collector) =>
        Indicators(code.Length > MaxCodeChars ? code[..MaxCodeChars] : code, collector);

    private static void Scan(string code, int depth, AnalysisCollector collector)
    {
        if (code.Length < 4)
            return;
        if (code.Length > MaxCodeChars)
        {
            code = code[..MaxCodeChars];
            collector.Truncated = true;
        }
        var exploitation = Indicators(code, collector);

        var targetsBefore = collector.Targets.Targets.Count;
        collector.Targets.ScanText(code);
        var remote = new List<string>();
        var pairs = 0;
        for (var match = HostAndPort().Match(code); match.Success && pairs++ < MaxHostPorts; match = match.NextMatch())
        {
            var host = match.Groups["host"].Value;
            var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (host.Length > 253 || port is < 1 or > 65535 || !collector.Targets.AddHostOrAddress(host, port, null, hostExpected: false))
                continue;
            collector.Targets.AddPort(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            remote.Add($"{host}:{port}");
        }
        if (exploitation && (remote.Count > 0 || collector.Targets.Targets.Count > targetsBefore))
            collector.AddBehaviour("exploit-code-remote", remote.Count > 0 ? string.Join(", ", remote) : code);

        var commands = 0;
        for (var match = ShellString().Match(code); match.Success; match = match.NextMatch())
        {
            if (++commands > MaxShellStrings)
            {
                collector.Truncated = true;
                break;
            }
            if (match.Groups["command"].Length <= 8192)
                collector.Expander.Add(Unescape(match.Groups["command"].Value), ShellDialect.Posix, depth + 1);
        }
        for (var match = ShellList().Match(code); match.Success && commands++ <= MaxShellStrings; match = match.NextMatch())
        {
            if (match.Groups["items"].Length > 8192)
                continue;
            var words = StringLiteral().Matches(match.Groups["items"].Value).Select(m => Quote(Unescape(m.Groups["text"].Value)));
            collector.Expander.Add(string.Join(' ', words), ShellDialect.Posix, depth + 1);
        }
    }

    // Returns whether an exploitation indicator fired.
    private static bool Indicators(string code, AnalysisCollector collector)
    {
        var catalogue = collector.Catalogue;
        if (code.AsSpan().IndexOfAny(catalogue.CodeMarkers) < 0)
            return false;
        var exploitation = false;
        foreach (var indicator in catalogue.CodeIndicators)
        {
            var marker = indicator.Any.FirstOrDefault(a => code.Contains(a, StringComparison.Ordinal));
            if (marker is null)
                continue;
            string? with = null;
            if (indicator.With.Count > 0 && (with = indicator.With.FirstOrDefault(w => code.Contains(w, StringComparison.Ordinal))) is null)
                continue;
            collector.AddFinding(indicator.Recognition, with is null ? Excerpt(code, marker) : Excerpt(code, marker) + " … " + Excerpt(code, with));
            exploitation |= indicator.Recognition.Category.Id == "exploitation";
        }
        return exploitation;
    }

    private static string Excerpt(string code, string marker)
    {
        var index = code.IndexOf(marker, StringComparison.Ordinal);
        var lineStart = code.LastIndexOf('\n', Math.Max(0, index)) + 1;
        var lineEnd = code.IndexOf('\n', index);
        var line = code[lineStart..(lineEnd < 0 ? code.Length : lineEnd)].Trim();
        return line.Length <= 120 ? line : line[..120];
    }

    private static string Unescape(string text) =>
        text.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);

    private static string Quote(string word) =>
        word.Length > 0 && word.AsSpan().IndexOfAny(" \t\n'\"\\$`;&|<>()*?[]#~") < 0 ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    // The patterns below avoid backreferences and lookarounds so that they run in the non-backtracking engine:
    // linear in the length of the code, whatever the code is.

    // ("host", 4444) / remote('host', 4444) / connect(("10.0.0.5", 22)) / new Socket("h", 80)
    [GeneratedRegex(@"""(?<host>\[?[A-Za-z0-9][A-Za-z0-9.\-:]*\]?)""\s*,\s*(?<port>\d{1,5})\b|'(?<host>\[?[A-Za-z0-9][A-Za-z0-9.\-:]*\]?)'\s*,\s*(?<port>\d{1,5})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HostAndPort();

    [GeneratedRegex(@"\b(?:os\.system|os\.popen|subprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|commands\.getoutput|shell_exec|passthru|proc_open|popen|system|execSync|exec|spawnSync|Runtime\.getRuntime\(\)\.exec)\s*\(\s*[rbfuRBFU]{0,2}(?:""(?<command>(?:\\.|[^""\\\n])+)""|'(?<command>(?:\\.|[^'\\\n])+)')", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ShellString();

    [GeneratedRegex(@"\b(?:subprocess\.(?:run|call|check_call|check_output|Popen)|Popen|spawn|spawnSync|execFile|execv|execve|execvp)\s*\(\s*\[(?<items>[^\]]*)\]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ShellList();

    [GeneratedRegex(@"""(?<text>(?:\\.|[^""\\\n])*)""|'(?<text>(?:\\.|[^'\\\n])*)'", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex StringLiteral();
}
