using Parry.Agents.Catalogue;
using Parry.Agents.Shell;

namespace Parry.Agents.Analysis;

/// <summary>
/// What a tool's name alone says about its calls: whether it runs a command line, writes the file it names, which
/// shell dialect it speaks, and the offensive programs its words name (<c>nmap_scan</c>). Worked out once per tool
/// name (a server has a handful of tools, called thousands of times) instead of splitting the name on every call.
/// </summary>
internal sealed class ToolNameFacts
{
    private ToolNameFacts(bool shellTool, bool writingTool, ShellDialect dialect, (Recognition Recognition, string Word)[] programs, string evidence)
    {
        ShellTool = shellTool;
        WritingTool = writingTool;
        Dialect = dialect;
        Programs = programs;
        Evidence = evidence;
    }

    public bool ShellTool { get; }

    public bool WritingTool { get; }

    public ShellDialect Dialect { get; }

    /// <summary>Offensive programs the name's words name, in the order the per-call walk found them.</summary>
    public (Recognition Recognition, string Word)[] Programs { get; }

    /// <summary>The evidence a finding from the name carries.</summary>
    public string Evidence { get; }

    public static ToolNameFacts Of(string tool, ToolCatalogue catalogue)
    {
        var programs = new List<(Recognition, string)>();
        foreach (var word in ArgumentRoles.Words(tool))
        {
            if (word.Length < 4)
                continue;
            foreach (var entry in catalogue.EntriesFor(word))
            {
                if (entry.HasConditions || !entry.Recognition.Category.Offensive)
                    continue;
                programs.Add((entry.Recognition, word));
            }
        }
        return new ToolNameFacts(ArgumentRoles.IsShellTool(tool), ArgumentRoles.IsWritingTool(tool), ArgumentRoles.DialectOf(tool),
            [.. programs], "tool " + tool);
    }
}
