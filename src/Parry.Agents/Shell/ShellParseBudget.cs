namespace Parry.Agents.Shell;

/// <summary>
/// Bounds on one analysis, shared by every nested parse: how deep scripts may nest (a <c>bash -c</c> inside a
/// <c>$(…)</c> inside a decoded PowerShell command …) and how many commands may come out, so hostile input cannot make
/// the analysis slow or large.
/// </summary>
internal sealed class ShellParseBudget(int maxDepth = 8, int maxCommands = 1024)
{
    public int MaxDepth { get; } = maxDepth;

    public int RemainingCommands { get; private set; } = maxCommands;

    /// <summary>Set when a bound was hit and some of the input was not analysed.</summary>
    public bool Truncated { get; private set; }

    public bool TryTakeCommand()
    {
        if (RemainingCommands <= 0)
        {
            Truncated = true;
            return false;
        }
        RemainingCommands--;
        return true;
    }

    public void MarkTruncated() => Truncated = true;

    public bool CanNest(int depth)
    {
        if (depth < MaxDepth)
            return true;
        Truncated = true;
        return false;
    }
}
