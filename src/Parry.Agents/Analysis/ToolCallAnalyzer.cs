using System.Text.Json;
using Parry.Agents.Calls;
using Parry.Agents.Catalogue;
using Parry.Agents.Recognisers;
using Parry.Agents.Shell;

namespace Parry.Agents.Analysis;

/// <summary>
/// Works out what a tool call does from its tool name and arguments: command lines (parsed, unwrapped, nested
/// scripts and encoded commands followed), HTTP requests, SQL, file paths, code and hosts — and recognises offensive
/// tools and behaviours in them, with their targets and ATT&amp;CK mapping. Immutable and thread-safe: one instance
/// serves every session; each call gets its own state.
/// </summary>
public sealed class ToolCallAnalyzer(ToolCatalogue catalogue)
{
    private const int MaxStringChars = 1024 * 1024;
    private const int MaxWalkDepth = 32;
    private const int MaxExpansionRounds = 64;
    private const int MaxCachedToolNames = 4096;

    private static readonly Lazy<ToolCallAnalyzer> Shared = new(() => new ToolCallAnalyzer(ToolCatalogue.Default));

    /// <summary>An analyzer over the built-in catalogue.</summary>
    public static ToolCallAnalyzer Default => Shared.Value;

    public ToolCatalogue Catalogue { get; } = catalogue;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ToolNameFacts> _names = new(StringComparer.Ordinal);

    public ToolCallAnalysis Analyze(ToolCall call) => Analyze(call.Tool, call.Arguments);

    public ToolCallAnalysis Analyze(string tool, JsonElement arguments)
    {
        var collector = new AnalysisCollector(Catalogue);
        var name = FactsOf(tool);
        var context = new CallContext(tool, name.ShellTool, name.WritingTool, name.Dialect);
        RecogniseToolName(name, collector);
        if (arguments.ValueKind != JsonValueKind.Undefined)
            Walk(arguments, null, 0, context, collector);
        Drain(collector);
        return collector.Build();
    }

    /// <summary>Analyses a bare command line, as a shell tool would run it.</summary>
    public ToolCallAnalysis AnalyzeCommandLine(string commandLine, ShellDialect dialect = ShellDialect.Posix)
    {
        var collector = new AnalysisCollector(Catalogue);
        collector.Expander.Add(commandLine, dialect, 0);
        Drain(collector);
        return collector.Build();
    }

    private readonly record struct CallContext(string Tool, bool ShellTool, bool WritingTool, ShellDialect Dialect);

    // The facts of a tool's name, kept per name: a gateway sees a few names called many times. Bounded so that a
    // client inventing names cannot grow it without end; past the bound each call works them out again.
    private ToolNameFacts FactsOf(string tool)
    {
        if (_names.TryGetValue(tool, out var facts))
            return facts;
        facts = ToolNameFacts.Of(tool, Catalogue);
        if (_names.Count < MaxCachedToolNames)
            _names.TryAdd(tool, facts);
        return facts;
    }

    // MCP servers that wrap a tool name it (nmap_scan, hydra_attack, gobuster): the name is the program.
    private static void RecogniseToolName(ToolNameFacts name, AnalysisCollector collector)
    {
        foreach (var (recognition, word) in name.Programs)
        {
            collector.AddFinding(recognition, name.Evidence);
            collector.AddTool(word);
            collector.AddProgram(word);
        }
    }

    private void Walk(JsonElement element, string? name, int depth, CallContext context, AnalysisCollector collector)
    {
        if (depth > MaxWalkDepth)
        {
            collector.Truncated = true;
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WalkObject(element, depth, context, collector);
                break;
            case JsonValueKind.Array:
                var count = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (++count > 1024)
                    {
                        collector.Truncated = true;
                        break;
                    }
                    Walk(item, name, depth + 1, context, collector);
                }
                break;
            case JsonValueKind.String:
                // A shell tool given a bare string runs it.
                var role = name is null && depth == 0 && context.ShellTool ? ArgumentRole.Shell : ArgumentRoles.Of(name, context.ShellTool);
                Value(element.GetString() ?? "", role, name, context, collector);
                break;
            case JsonValueKind.Number when ArgumentRoles.Of(name, context.ShellTool) == ArgumentRole.Port:
                if (Targets.TargetParser.TryParsePort(element.GetRawText(), out var port))
                    collector.Targets.AddPort(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private void WalkObject(JsonElement element, int depth, CallContext context, AnalysisCollector collector)
    {
        // {command: "nmap", args: ["-sV", "host"]}: a program and its argument vector.
        string? argvCommand = null;
        if (element.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.String
            && TryArgv(element, out var argv))
        {
            argvCommand = command.GetString();
            collector.Expander.Add(QuotedLine(argvCommand ?? "", argv), ShellDialect.Posix, 0);
        }
        var request = HttpRequestOf(element, context);
        if (request is not null)
            RecogniseRequest(request, "call " + context.Tool, collector);
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (++count > 1024)
            {
                collector.Truncated = true;
                break;
            }
            if (argvCommand is not null && property.Name is "command" or "args" or "argv" or "arguments")
                continue;
            var role = ArgumentRoles.Of(property.Name, context.ShellTool);
            if (request is not null && role is ArgumentRole.Url or ArgumentRole.Body or ArgumentRole.Headers or ArgumentRole.Method)
                continue;
            if (role is ArgumentRole.Code && property.Value.ValueKind == JsonValueKind.String)
                ShellScriptFile(element, property.Value.GetString() ?? "", collector);
            Walk(property.Value, property.Name, depth + 1, context, collector);
        }
    }

    private static bool TryArgv(JsonElement element, out List<string> argv)
    {
        argv = [];
        foreach (var name in (ReadOnlySpan<string>)["args", "argv", "arguments"])
        {
            if (!element.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || argv.Count >= 1024)
                    return false;
                argv.Add(item.GetString() ?? "");
            }
            return true;
        }
        return false;
    }

    private static string QuotedLine(string program, List<string> argv)
    {
        var words = argv.Select(a => a.Length > 0 && a.AsSpan().IndexOfAny(" \t\n'\"\\$`;&|<>()*?[]#~{}") < 0
            ? a
            : "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'");
        return program + " " + string.Join(' ', words);
    }

    // A fetch or browser tool: a URL argument, with the method, body and headers beside it.
    private static HttpRequest? HttpRequestOf(JsonElement element, CallContext context)
    {
        HttpRequest? request = null;
        foreach (var property in element.EnumerateObject())
        {
            var role = ArgumentRoles.Of(property.Name, context.ShellTool);
            if (role != ArgumentRole.Url)
                continue;
            request ??= new HttpRequest();
            if (property.Value.ValueKind == JsonValueKind.String)
                request.Urls.Add(property.Value.GetString() ?? "");
            else if (property.Value.ValueKind == JsonValueKind.Array)
                request.Urls.AddRange(property.Value.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Take(64).Select(u => u.GetString() ?? ""));
        }
        if (request is null)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            switch (ArgumentRoles.Of(property.Name, context.ShellTool))
            {
                case ArgumentRole.Method when property.Value.ValueKind == JsonValueKind.String:
                    request.Method = property.Value.GetString();
                    break;
                case ArgumentRole.Body:
                    request.Bodies.Add(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.GetRawText());
                    break;
                case ArgumentRole.Headers when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var header in property.Value.EnumerateObject())
                        request.Headers.Add($"{header.Name}: {(header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString() : header.Value.GetRawText())}");
                    break;
                case ArgumentRole.Headers when property.Value.ValueKind == JsonValueKind.String:
                    request.Headers.Add(property.Value.GetString() ?? "");
                    break;
            }
        }
        return request;
    }

    // Content written to a shell script (#!/bin/sh, or a path ending .sh/.ps1/.bat) is a command line too.
    private static void ShellScriptFile(JsonElement element, string content, AnalysisCollector collector)
    {
        ShellDialect? dialect = null;
        if (content.StartsWith("#!", StringComparison.Ordinal))
        {
            var firstLine = content.AsSpan(0, Math.Max(0, content.IndexOf('\n') is var n and >= 0 ? n : content.Length));
            var program = ProgramName.Normalise(firstLine[2..].Trim().ToString().Split(' ')[^1]);
            if (ProgramName.IsShell(program))
                dialect = ShellDialect.Posix;
            else if (ProgramName.IsPowerShell(program))
                dialect = ShellDialect.PowerShell;
        }
        foreach (var name in (ReadOnlySpan<string>)["path", "file_path", "filePath", "filename", "file"])
        {
            if (dialect is not null || !element.TryGetProperty(name, out var path) || path.ValueKind != JsonValueKind.String)
                continue;
            var file = (path.GetString() ?? "").ToLowerInvariant();
            if (file.EndsWith(".sh", StringComparison.Ordinal) || file.EndsWith(".bash", StringComparison.Ordinal))
                dialect = ShellDialect.Posix;
            else if (file.EndsWith(".ps1", StringComparison.Ordinal) || file.EndsWith(".psm1", StringComparison.Ordinal))
                dialect = ShellDialect.PowerShell;
            else if (file.EndsWith(".bat", StringComparison.Ordinal) || file.EndsWith(".cmd", StringComparison.Ordinal))
                dialect = ShellDialect.Cmd;
        }
        if (dialect is { } d)
            collector.Expander.Add(content, d, 0);
    }

    private void Value(string text, ArgumentRole role, string? name, CallContext context, AnalysisCollector collector)
    {
        if (text.Length == 0)
            return;
        if (text.Length > MaxStringChars)
        {
            text = text[..MaxStringChars];
            collector.Truncated = true;
        }
        // The evidence a finding quotes, made only on the paths that may report one (not for command lines, code,
        // hosts or ports, which carry their own).
        switch (role)
        {
            case ArgumentRole.Shell:
                collector.Expander.Add(text, context.Dialect, 0);
                break;
            case ArgumentRole.Url:
            {
                var request = new HttpRequest();
                request.Urls.Add(text);
                RecogniseRequest(request, EvidenceOf(name, text), collector);
                break;
            }
            case ArgumentRole.Sql:
                SqlInjectionRecogniser.Recognise(text, EvidenceOf(name, text), collector);
                collector.Targets.ScanText(text);
                break;
            case ArgumentRole.Path:
            {
                var write = context.WritingTool && name is not ("source" or "src" or "from");
                SensitivePathMatcher.Check(text, write, EvidenceOf(name, text), collector);
                if (text.StartsWith(@"\\", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal))
                    collector.Targets.AddWord(text.Replace('\\', '/').TrimStart('/').Split('/')[0], hostExpected: true);
                break;
            }
            case ArgumentRole.Code:
                collector.Expander.AddCode("text", text, 0);
                break;
            case ArgumentRole.Host:
                foreach (var host in text.Split([',', ' ', ';', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Take(256))
                {
                    if (!collector.Targets.AddHostOrAddress(host, null, null, hostExpected: true))
                        collector.Targets.AddWord(host, hostExpected: true);
                }
                break;
            case ArgumentRole.Port:
                foreach (var port in Targets.TargetParser.ParsePorts(text))
                    collector.Targets.AddPort(port);
                break;
            case ArgumentRole.Body or ArgumentRole.Headers or ArgumentRole.Method:
                Generic(text, name, collector);
                break;
            default:
                Generic(text, name, collector);
                break;
        }
    }

    // An argument whose name says nothing: a command line if it starts with a known program, a URL, a path, or text
    // that may still carry targets or injection probes.
    private void Generic(string text, string? name, AnalysisCollector collector)
    {
        var trimmed = text.TrimStart();
        var space = trimmed.IndexOfAny([' ', '\t', '\n', ';', '|', '&']);
        var first = ProgramName.Normalise(space < 0 ? trimmed : trimmed[..space]);
        if (space > 0 && first.Length > 1 && (Catalogue.Knows(first) || ProgramName.IsCommandInterpreter(first)))
        {
            collector.Expander.Add(text, ShellDialect.Posix, 0);
            return;
        }
        if (space < 0 && trimmed.Contains("://", StringComparison.Ordinal) && Targets.UrlParts.TryParse(trimmed, out var url) && url.IsNetwork)
        {
            var request = new HttpRequest();
            request.Urls.Add(trimmed);
            RecogniseRequest(request, EvidenceOf(name, text), collector);
            return;
        }
        collector.Targets.ScanText(text);
        if (text.Length <= 8192)
        {
            var evidence = EvidenceOf(name, text);
            if (space < 0 && (text.Contains('/') || text.Contains('\\')))
                SensitivePathMatcher.Check(text, false, evidence, collector);
            SqlInjectionRecogniser.Recognise(text, evidence, collector);
        }
    }

    private static string EvidenceOf(string? name, string text) => name is null ? text : $"{name}: {text}";

    // A request the tool itself makes (a fetch or browser tool), not a program on a command line.
    private static void RecogniseRequest(HttpRequest request, string evidence, AnalysisCollector collector)
    {
        if (request.Urls.Count == 0)
            return;
        if (request.Urls.Any(u => Targets.UrlParts.TryParse(u, out var url) && url.IsNetwork))
            collector.AddBehaviour("http-request", evidence);
        HttpRequestRecogniser.Recognise(request, evidence, collector);
    }

    // Recognisers can add more to analyse (code runs a shell command, a command hands code to python): repeat until
    // nothing new comes, within bounds.
    private static void Drain(AnalysisCollector collector)
    {
        var expansion = collector.Expander.Result;
        int invocations = 0, scripts = 0, code = 0, notes = 0;
        for (var round = 0; round < MaxExpansionRounds; round++)
        {
            var progressed = false;
            for (; invocations < expansion.Invocations.Count; invocations++, progressed = true)
                RecogniseInvocation(expansion.Invocations[invocations], collector);
            for (; scripts < expansion.Scripts.Count; scripts++, progressed = true)
                RecogniseScript(expansion.Scripts[scripts], collector);
            for (; code < expansion.Code.Count; code++, progressed = true)
                CodeRecogniser.Recognise(expansion.Code[code].Text, expansion.Code[code].Depth, collector);
            for (; notes < expansion.Behaviours.Count; notes++, progressed = true)
                collector.AddBehaviour(expansion.Behaviours[notes].Id, expansion.Behaviours[notes].Evidence);
            if (!progressed)
                return;
        }
        collector.Truncated = true;
    }

    private static void RecogniseInvocation(Invocation invocation, AnalysisCollector collector)
    {
        CatalogueMatcher.Recognise(invocation, collector);
        FileAccessRecogniser.Recognise(invocation, collector);
        ReverseShellRecogniser.Recognise(invocation, collector);
        SshRecogniser.Recognise(invocation, collector);
        ExfiltrationRecogniser.Recognise(invocation, collector);
        ToolTransferRecogniser.Recognise(invocation, collector);
        HttpRequestRecogniser.Recognise(invocation, collector);
    }

    private static void RecogniseScript(ScriptText script, AnalysisCollector collector)
    {
        collector.AddCommandLine(script.Text);
        if (script.Dialect == ShellDialect.PowerShell)
            collector.Targets.ScanText(script.Text); // URLs and addresses in expressions no program owns ($wc.DownloadString('…'))
        var catalogue = collector.Catalogue;
        var folded = script.Text.ToLowerInvariant();
        if (folded.AsSpan().IndexOfAny(catalogue.Keywords) >= 0)
        {
            foreach (var entry in catalogue.KeywordEntries)
            {
                if (entry.Arguments.Any(k => folded.Contains(k, StringComparison.Ordinal)))
                    collector.AddFinding(entry.Recognition, script.Text);
            }
        }
        if (script.Dialect == ShellDialect.PowerShell)
        {
            ToolTransferRecogniser.RecognisePowerShellScript(script.Text, collector);
            CodeRecogniser.RecogniseIndicators(script.Text, collector);
        }
    }
}
