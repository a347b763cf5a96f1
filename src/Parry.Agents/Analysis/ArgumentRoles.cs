using System.Collections.Frozen;

namespace Parry.Agents.Analysis;

/// <summary>Argument names that say what an argument holds, compared lower-case without '_' and '-'.</summary>
internal static class ArgumentRoles
{
    private static readonly FrozenDictionary<string, ArgumentRole> ByName = new Dictionary<string, ArgumentRole>
    {
        ["command"] = ArgumentRole.Shell, ["cmd"] = ArgumentRole.Shell, ["commandline"] = ArgumentRole.Shell,
        ["cmdline"] = ArgumentRole.Shell, ["shellcommand"] = ArgumentRole.Shell, ["bash"] = ArgumentRole.Shell,
        ["powershell"] = ArgumentRole.Shell, ["pwsh"] = ArgumentRole.Shell, ["commands"] = ArgumentRole.Shell,
        ["exec"] = ArgumentRole.Shell, ["execute"] = ArgumentRole.Shell, ["run"] = ArgumentRole.Shell,
        ["url"] = ArgumentRole.Url, ["uri"] = ArgumentRole.Url, ["href"] = ArgumentRole.Url, ["link"] = ArgumentRole.Url,
        ["endpoint"] = ArgumentRole.Url, ["targeturl"] = ArgumentRole.Url, ["baseurl"] = ArgumentRole.Url,
        ["urls"] = ArgumentRole.Url, ["webhook"] = ArgumentRole.Url, ["website"] = ArgumentRole.Url,
        ["query"] = ArgumentRole.Sql, ["sql"] = ArgumentRole.Sql, ["statement"] = ArgumentRole.Sql,
        ["sqlquery"] = ArgumentRole.Sql, ["stmt"] = ArgumentRole.Sql,
        ["path"] = ArgumentRole.Path, ["file"] = ArgumentRole.Path, ["filename"] = ArgumentRole.Path,
        ["filepath"] = ArgumentRole.Path, ["source"] = ArgumentRole.Path, ["destination"] = ArgumentRole.Path,
        ["dest"] = ArgumentRole.Path, ["src"] = ArgumentRole.Path, ["dst"] = ArgumentRole.Path,
        ["targetfile"] = ArgumentRole.Path, ["directory"] = ArgumentRole.Path, ["dir"] = ArgumentRole.Path,
        ["folder"] = ArgumentRole.Path, ["paths"] = ArgumentRole.Path, ["files"] = ArgumentRole.Path,
        ["pathname"] = ArgumentRole.Path, ["relativepath"] = ArgumentRole.Path, ["absolutepath"] = ArgumentRole.Path,
        ["from"] = ArgumentRole.Path, ["to"] = ArgumentRole.Path, ["outputfile"] = ArgumentRole.Path, ["inputfile"] = ArgumentRole.Path,
        ["code"] = ArgumentRole.Code, ["sourcecode"] = ArgumentRole.Code, ["content"] = ArgumentRole.Code,
        ["contents"] = ArgumentRole.Code, ["text"] = ArgumentRole.Code, ["filetext"] = ArgumentRole.Code,
        ["newstr"] = ArgumentRole.Code, ["newstring"] = ArgumentRole.Code, ["oldstr"] = ArgumentRole.Code,
        ["oldstring"] = ArgumentRole.Code, ["patch"] = ArgumentRole.Code, ["diff"] = ArgumentRole.Code,
        ["snippet"] = ArgumentRole.Code, ["program"] = ArgumentRole.Code, ["script"] = ArgumentRole.Code,
        ["replace"] = ArgumentRole.Code, ["insert"] = ArgumentRole.Code, ["newcontent"] = ArgumentRole.Code,
        ["host"] = ArgumentRole.Host, ["hostname"] = ArgumentRole.Host, ["hosts"] = ArgumentRole.Host,
        ["target"] = ArgumentRole.Host, ["targets"] = ArgumentRole.Host, ["ip"] = ArgumentRole.Host,
        ["ips"] = ArgumentRole.Host, ["ipaddress"] = ArgumentRole.Host, ["address"] = ArgumentRole.Host,
        ["addr"] = ArgumentRole.Host, ["domain"] = ArgumentRole.Host, ["domains"] = ArgumentRole.Host,
        ["server"] = ArgumentRole.Host, ["rhost"] = ArgumentRole.Host, ["rhosts"] = ArgumentRole.Host,
        ["lhost"] = ArgumentRole.Host, ["remotehost"] = ArgumentRole.Host, ["targethost"] = ArgumentRole.Host,
        ["destinationhost"] = ArgumentRole.Host, ["subnet"] = ArgumentRole.Host, ["cidr"] = ArgumentRole.Host,
        ["network"] = ArgumentRole.Host, ["iprange"] = ArgumentRole.Host, ["targetip"] = ArgumentRole.Host,
        ["port"] = ArgumentRole.Port, ["ports"] = ArgumentRole.Port, ["rport"] = ArgumentRole.Port,
        ["lport"] = ArgumentRole.Port, ["portrange"] = ArgumentRole.Port, ["targetport"] = ArgumentRole.Port,
        ["method"] = ArgumentRole.Method, ["httpmethod"] = ArgumentRole.Method,
        ["body"] = ArgumentRole.Body, ["data"] = ArgumentRole.Body, ["payload"] = ArgumentRole.Body,
        ["params"] = ArgumentRole.Body, ["form"] = ArgumentRole.Body, ["json"] = ArgumentRole.Body, ["postdata"] = ArgumentRole.Body,
        ["headers"] = ArgumentRole.Headers,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ArgumentRole Of(string? name, bool shellTool)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
            return ArgumentRole.Generic;
        Span<char> key = stackalloc char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or ' '))
                key[length++] = char.ToLowerInvariant(c);
        }
        var lookup = ByName.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key[..length], out var role))
            return role is ArgumentRole.Code && shellTool && key[..length] is "script" or "code" ? ArgumentRole.Shell : role;
        // A shell tool's one free-text argument ("input", "args", "line") is its command line.
        return shellTool && key[..length] is "input" or "args" or "line" or "arguments" or "shell" ? ArgumentRole.Shell : ArgumentRole.Generic;
    }

    /// <summary>Tools that run a command line (a terminal, a shell, an exec tool) — not those that run code in a
    /// language (python_exec, run_javascript, notebook cells).</summary>
    public static bool IsShellTool(string tool)
    {
        var folded = tool.ToLowerInvariant();
        foreach (var word in Words(tool))
        {
            if (word is "python" or "py" or "python3" or "javascript" or "js" or "node" or "ruby" or "perl" or "php" or "code"
                or "notebook" or "jupyter" or "ipython" or "eval" or "sql" or "query" or "lua" or "r")
                return false;
        }
        return folded.Contains("bash", StringComparison.Ordinal) || folded.Contains("shell", StringComparison.Ordinal)
            || folded.Contains("terminal", StringComparison.Ordinal) || folded.Contains("exec", StringComparison.Ordinal)
            || folded.Contains("command", StringComparison.Ordinal) || folded.Contains("powershell", StringComparison.Ordinal)
            || folded.Contains("pwsh", StringComparison.Ordinal) || folded.Contains("console", StringComparison.Ordinal)
            || folded is "cmd" or "run" or "sh" or "zsh" || folded.StartsWith("run_", StringComparison.Ordinal)
            || folded.EndsWith("_cmd", StringComparison.Ordinal);
    }

    /// <summary>Tools that write the file their path argument names (a word of the name starts with write, edit,
    /// create …).</summary>
    public static bool IsWritingTool(string tool)
    {
        foreach (var word in Words(tool))
        {
            if (word.StartsWith("write", StringComparison.Ordinal) || word.StartsWith("edit", StringComparison.Ordinal)
                || word.StartsWith("create", StringComparison.Ordinal) || word.StartsWith("append", StringComparison.Ordinal)
                || word.StartsWith("save", StringComparison.Ordinal) || word == "put" || word.StartsWith("upload", StringComparison.Ordinal)
                || word.StartsWith("replace", StringComparison.Ordinal) || word.StartsWith("insert", StringComparison.Ordinal)
                || word.StartsWith("patch", StringComparison.Ordinal) || word.StartsWith("overwrite", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>The words of a tool name, lower-case: <c>nmap_scan</c>, <c>nmap-scan</c> and <c>nmapScan</c> give
    /// <c>nmap</c>, <c>scan</c>.</summary>
    public static List<string> Words(string tool)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= tool.Length; i++)
        {
            var boundary = i == tool.Length || !char.IsLetterOrDigit(tool[i])
                || (i > 0 && char.IsUpper(tool[i]) && char.IsLower(tool[i - 1]));
            if (boundary && start >= 0)
            {
                words.Add(tool[start..i].ToLowerInvariant());
                start = -1;
            }
            if (i < tool.Length && char.IsLetterOrDigit(tool[i]) && start < 0)
                start = i;
        }
        return words;
    }

    public static Shell.ShellDialect DialectOf(string tool)
    {
        var folded = tool.ToLowerInvariant();
        if (folded.Contains("powershell", StringComparison.Ordinal) || folded.Contains("pwsh", StringComparison.Ordinal))
            return Shell.ShellDialect.PowerShell;
        if (folded is "cmd" or "cmd.exe" || folded.Contains("cmd_exe", StringComparison.Ordinal) || folded.Contains("windows_cmd", StringComparison.Ordinal))
            return Shell.ShellDialect.Cmd;
        return Shell.ShellDialect.Posix;
    }
}
