namespace Parry.Agents.Shell;

/// <summary>A redirection: its operator as written without the descriptor number (<c>&gt;</c>, <c>&gt;&gt;</c>,
/// <c>&lt;</c>, <c>&gt;&amp;</c>, <c>&lt;&lt;</c> …), the descriptor when one was written, its target word, and the
/// body of a here-document.</summary>
public sealed record ShellRedirect(string Operator, int? Descriptor, string Target, string? HereDocument = null)
{
    /// <summary>Writes to its target (<c>&gt;</c>, <c>&gt;&gt;</c>, <c>&amp;&gt;</c>, <c>&gt;|</c>, <c>&lt;&gt;</c>).</summary>
    public bool Writes => Operator is ">" or ">>" or ">|" or "&>" or "&>>" or "<>" || (Operator == ">&" && !IsDescriptor(Target));

    /// <summary>Reads from its target (<c>&lt;</c>, <c>&lt;&gt;</c>).</summary>
    public bool Reads => Operator is "<" or "<>" || (Operator == "<&" && !IsDescriptor(Target));

    private static bool IsDescriptor(string target) => target.Length > 0 && (target == "-" || target.All(char.IsAsciiDigit));
}
