namespace Parry.Agents.Shell;

/// <summary>How a program is named for recognition: the last path segment, lower-cased, without <c>.exe</c>.</summary>
internal static class ProgramName
{
    private static readonly string[] ScriptExtensions = [".py", ".pl", ".rb", ".sh", ".ps1", ".bat", ".cmd", ".jar", ".php", ".js", ".exe", ".com"];

    public static string Normalise(string word)
    {
        var span = word.AsSpan().Trim().Trim('"').Trim('\'');
        var slash = span.LastIndexOfAny('/', '\\');
        if (slash >= 0)
            span = span[(slash + 1)..];
        var name = span.ToString().ToLowerInvariant();
        if (name.EndsWith(".exe", StringComparison.Ordinal) && name.Length > 4)
            name = name[..^4];
        return name;
    }

    /// <summary>The name without a script extension (<c>psexec.py</c> → <c>psexec</c>), or null when it has none.</summary>
    public static string? Stem(string normalised)
    {
        foreach (var extension in ScriptExtensions)
        {
            if (normalised.Length > extension.Length && normalised.EndsWith(extension, StringComparison.Ordinal))
                return normalised[..^extension.Length];
        }
        return null;
    }

    public static bool IsShell(string program) => program is "bash" or "sh" or "zsh" or "dash" or "ksh" or "ash" or "mksh" or "fish" or "tcsh" or "csh" or "rbash" or "busybox";

    public static bool IsPowerShell(string program) => program is "powershell" or "pwsh" or "powershell_ise";

    public static bool IsCmd(string program) => program is "cmd";

    /// <summary>Interpreters of a shell language: what a download or a network stream is piped into to run it.</summary>
    public static bool IsCommandInterpreter(string program) =>
        IsShell(program) || IsPowerShell(program) || IsCmd(program) || IsScriptInterpreter(program);

    public static bool IsScriptInterpreter(string program) =>
        IsPython(program) || program is "perl" or "ruby" or "php" or "node" or "nodejs" or "lua" or "tclsh" or "osascript";

    public static bool IsPython(string program) =>
        program.StartsWith("python", StringComparison.Ordinal) || program is "py" or "pypy" or "pypy3" or "ipython";
}
