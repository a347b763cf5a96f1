namespace Parry.Sigma.Values;

/// <summary>One piece of a <see cref="SigmaString"/>: literal text, a wildcard, or a placeholder name.</summary>
public readonly record struct StringPart(StringPartKind Kind, string Text)
{
    public static readonly StringPart AnyChars = new(StringPartKind.AnyChars, "*");

    public static readonly StringPart OneChar = new(StringPartKind.OneChar, "?");

    public static StringPart Literal(string text) => new(StringPartKind.Literal, text);

    public static StringPart Placeholder(string name) => new(StringPartKind.Placeholder, name);
}
