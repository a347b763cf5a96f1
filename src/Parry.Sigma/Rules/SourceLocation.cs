namespace Parry.Sigma.Rules;

/// <summary>A 1-based line and column in a rule file.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public static readonly SourceLocation Start = new(1, 1);

    internal static SourceLocation From(YamlDotNet.Core.Mark mark) => new((int)mark.Line, (int)mark.Column);

    public override string ToString() => $"{Line}:{Column}";
}
