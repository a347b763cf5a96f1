using System.Text.RegularExpressions;
using Parry.Agents.Analysis;
using Parry.Agents.Shell;
using Parry.Agents.Targets;

namespace Parry.Agents.Recognisers;

/// <summary>
/// Recognises attack payloads in the values an HTTP request carries (URL path and query, body fields, headers), after
/// URL-decoding: command injection (shell operators joined to a command, found by parsing the value as a shell
/// would), path traversal and sensitive absolute paths, cross-site scripting, template injection, JNDI lookups, XML
/// external entities, server-side request forgery to internal addresses, Shellshock, and SQL injection.
/// </summary>
internal static partial class WebPayloadRecogniser
{
    private const int MaxValueChars = 8 * 1024;

    // Commands injected to prove execution or look around; a value joining one of these with a shell operator is a probe.
    private static readonly HashSet<string> ProbeCommands = new(StringComparer.Ordinal)
    {
        "id", "whoami", "uname", "ls", "dir", "cat", "type", "pwd", "sleep", "ping", "nslookup", "dig", "curl", "wget",
        "nc", "ncat", "bash", "sh", "zsh", "cmd", "powershell", "python", "python3", "perl", "php", "ruby", "ifconfig",
        "ipconfig", "netstat", "hostname", "env", "printenv", "ps", "find", "head", "tail", "rm", "touch", "chmod",
        "mkdir", "base64", "xxd", "timeout", "systeminfo", "net", "tasklist", "echo",
    };

    /// <summary>Scans every value of a request. <paramref name="evidence"/> is the command or call that sent it.</summary>
    public static void Recognise(HttpRequest request, string evidence, AnalysisCollector collector)
    {
        foreach (var url in request.Urls)
        {
            if (!UrlParts.TryParse(url, out var parts))
                continue;
            ScanValue(Decode(parts.Path), evidence, collector, isPath: true);
            ScanQuery(parts.Query, evidence, collector);
        }
        foreach (var body in request.Bodies)
            ScanBody(body, evidence, collector);
        foreach (var header in request.Headers)
        {
            var colon = header.IndexOf(':');
            ScanValue(colon >= 0 ? header[(colon + 1)..].Trim() : header, evidence, collector, isPath: false);
        }
    }

    /// <summary>A query string: each value, or the whole string when it has no name=value pairs (<c>?/etc/passwd</c>).</summary>
    public static void ScanQuery(string query, string evidence, AnalysisCollector collector)
    {
        if (query.Length == 0)
            return;
        if (!query.Contains('='))
        {
            ScanValue(Decode(query, plusIsSpace: true), evidence, collector, isPath: false);
            return;
        }
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries).Take(128))
        {
            var equals = pair.IndexOf('=');
            ScanValue(Decode(equals >= 0 ? pair[(equals + 1)..] : pair, plusIsSpace: true), evidence, collector, isPath: false);
        }
    }

    public static void ScanBody(string body, string evidence, AnalysisCollector collector)
    {
        var trimmed = body.TrimStart();
        if ((trimmed.StartsWith('{') || trimmed.StartsWith('[')) && ScanJson(body, evidence, collector))
            return;
        if (trimmed.StartsWith('{') || trimmed.StartsWith('[') || trimmed.StartsWith('<') || !body.Contains('='))
            ScanValue(body, evidence, collector, isPath: false);
        else
            ScanQuery(body, evidence, collector);
    }

    // A JSON body: each string in it is a value a server will use.
    private static bool ScanJson(string body, string evidence, AnalysisCollector collector)
    {
        if (body.Length > MaxValueChars * 8)
            return false;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body, new System.Text.Json.JsonDocumentOptions { MaxDepth = 32 });
            var count = 0;
            ScanJsonStrings(document.RootElement, evidence, collector, ref count);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static void ScanJsonStrings(System.Text.Json.JsonElement element, string evidence, AnalysisCollector collector, ref int count)
    {
        if (++count > 256)
            return;
        switch (element.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    ScanJsonStrings(property.Value, evidence, collector, ref count);
                break;
            case System.Text.Json.JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    ScanJsonStrings(item, evidence, collector, ref count);
                break;
            case System.Text.Json.JsonValueKind.String:
                ScanValue(element.GetString() ?? "", evidence, collector, isPath: false);
                break;
        }
    }

    public static void ScanValue(string value, string evidence, AnalysisCollector collector, bool isPath)
    {
        if (value.Length < 2)
            return;
        if (value.Length > MaxValueChars)
            value = value[..MaxValueChars];
        if (!isPath && IsCommandInjection(value))
            collector.AddBehaviour("command-injection", evidence);
        if (IsPathTraversal(value, isPath) || (!isPath && LooksLikeAbsolutePath(value) && SensitivePathMatcher.Check(value, false, evidence, collector)))
            collector.AddBehaviour("path-traversal", evidence);
        else if (isPath)
            SensitivePathMatcher.Check(value, false, evidence, collector);
        var folded = value.ToLowerInvariant();
        if (folded.Contains("<script", StringComparison.Ordinal) || folded.Contains("javascript:", StringComparison.Ordinal)
            || (folded.Contains('<') && (folded.Contains("onerror", StringComparison.Ordinal) || folded.Contains("onload", StringComparison.Ordinal)
                || folded.Contains("onmouseover", StringComparison.Ordinal) || folded.Contains("alert(", StringComparison.Ordinal))))
            collector.AddBehaviour("cross-site-scripting", evidence);
        if (TemplateProbe().IsMatch(value) || folded.Contains("__class__", StringComparison.Ordinal) || folded.Contains("__globals__", StringComparison.Ordinal)
            || folded.Contains("{{config", StringComparison.Ordinal) || folded.Contains("${t(java.lang", StringComparison.Ordinal))
            collector.AddBehaviour("template-injection", evidence);
        if (folded.Contains("${jndi:", StringComparison.Ordinal)
            || (folded.Contains("${", StringComparison.Ordinal) && folded.Contains("ndi", StringComparison.Ordinal)
                && (folded.Contains("${lower:", StringComparison.Ordinal) || folded.Contains("${upper:", StringComparison.Ordinal) || folded.Contains("${::-", StringComparison.Ordinal))))
            collector.AddBehaviour("jndi-injection", evidence);
        if (folded.Contains("<!entity", StringComparison.Ordinal) && (folded.Contains("system", StringComparison.Ordinal) || folded.Contains("public", StringComparison.Ordinal)))
            collector.AddBehaviour("xml-external-entity", evidence);
        if (folded.Contains("() {", StringComparison.Ordinal))
            collector.AddBehaviour("shellshock", evidence);
        if (!isPath && IsRequestForgery(folded))
            collector.AddBehaviour("server-side-request-forgery", evidence);
        SqlInjectionRecogniser.Recognise(value, evidence, collector);
    }

    private static bool IsCommandInjection(string value)
    {
        if (value.AsSpan().IndexOfAny(";|&`\n") < 0 && !value.Contains("$(", StringComparison.Ordinal))
            return false;
        // The value holds a shell operator outside quotes (checked by parsing: quoted ones do not split it) and one
        // of the commands it makes is a probe.
        var commands = new List<ShellCommand>();
        PosixShellParser.Parse(value, 0, new ShellParseBudget(maxDepth: 2, maxCommands: 16), commands);
        var split = commands.Count > 1 || commands.Any(c => c.Next != ShellOperator.None || c.Depth > 0)
            || value.TrimStart()[0] is ';' or '|' or '&' or '\n' or '`';
        return split && commands.Any(c => c.Words.Count > 0 && ProbeCommands.Contains(ProgramName.Normalise(c.Words[0])));
    }

    private static bool IsPathTraversal(string value, bool isPath)
    {
        var count = 0;
        var index = 0;
        while ((index = value.IndexOf("..", index, StringComparison.Ordinal)) >= 0)
        {
            if (index + 2 < value.Length && value[index + 2] is '/' or '\\')
                count++;
            index += 2;
        }
        return count >= (isPath ? 3 : 2);
    }

    private static bool LooksLikeAbsolutePath(string value) =>
        value[0] is '/' or '\\' || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
        || (value.Length > 2 && char.IsAsciiLetter(value[0]) && value[1] == ':' && value[2] is '\\' or '/');

    private static bool IsRequestForgery(string folded)
    {
        if (folded.StartsWith("gopher://", StringComparison.Ordinal) || folded.StartsWith("dict://", StringComparison.Ordinal)
            || folded.StartsWith("file://", StringComparison.Ordinal))
            return true;
        if (!folded.StartsWith("http://", StringComparison.Ordinal) && !folded.StartsWith("https://", StringComparison.Ordinal))
            return false;
        if (!UrlParts.TryParse(folded, out var url))
            return false;
        var targetClass = TargetParser.TryParseAddress(url.Host, out var address)
            ? TargetClassifier.Classify(address)
            : TargetClassifier.ClassifyHost(url.Host);
        return targetClass is TargetClass.Loopback or TargetClass.Private or TargetClass.LinkLocal or TargetClass.Internal;
    }

    /// <summary>Percent-decoding (twice, for double-encoded payloads), '+' as space in query strings.</summary>
    public static string Decode(string value, bool plusIsSpace = false)
    {
        if (plusIsSpace && value.Contains('+'))
            value = value.Replace('+', ' ');
        for (var round = 0; round < 2 && value.Contains('%'); round++)
        {
            try
            {
                value = Uri.UnescapeDataString(value);
            }
            catch (UriFormatException)
            {
                break;
            }
        }
        return value;
    }

    [GeneratedRegex(@"\{\{\s*\d+\s*[*+]\s*\d+\s*\}\}|\$\{\s*\d+\s*[*+]\s*\d+\s*\}|<%=\s*\d+\s*[*+]\s*\d+\s*%>|#\{\s*\d+\s*[*+]\s*\d+\s*\}", RegexOptions.CultureInvariant, 50)]
    private static partial Regex TemplateProbe();
}
