using System.Collections.Immutable;
using System.Text;

namespace Parry.Sigma.Values;

/// <summary>
/// A Sigma string: literal text with <c>*</c> and <c>?</c> wildcards (and <c>%placeholders%</c> until
/// <c>expand</c> replaces them). Compared case-insensitively unless <see cref="Cased"/>. Immutable; adjacent
/// literals are merged and runs of <c>*</c> collapse to one.
/// </summary>
public sealed class SigmaString : SigmaValue
{
    private SigmaString(ImmutableArray<StringPart> parts, bool cased)
    {
        Parts = parts;
        Cased = cased;
    }

    public ImmutableArray<StringPart> Parts { get; }

    /// <summary>Compared case-sensitively (the <c>cased</c> modifier).</summary>
    public bool Cased { get; }

    public bool HasWildcards => Parts.Any(p => p.Kind is StringPartKind.AnyChars or StringPartKind.OneChar);

    public bool HasPlaceholders => Parts.Any(p => p.Kind == StringPartKind.Placeholder);

    /// <summary>Only literal text: no wildcard, no placeholder.</summary>
    public bool IsPlain => Parts.All(p => p.Kind == StringPartKind.Literal);

    public bool StartsWithAnyChars => Parts.Length > 0 && Parts[0].Kind == StringPartKind.AnyChars;

    public bool EndsWithAnyChars => Parts.Length > 0 && Parts[^1].Kind == StringPartKind.AnyChars;

    /// <summary>The literal text of a plain string (wildcards, if any, written as <c>*</c> and <c>?</c>).</summary>
    public string PlainText => string.Concat(Parts.Select(p => p.Text));

    public static SigmaString Empty { get; } = new([], false);

    /// <summary>A string of literal text only: no character is special.</summary>
    public static SigmaString FromLiteral(string text) => Create([StringPart.Literal(text)], false);

    public static SigmaString Create(IEnumerable<StringPart> parts, bool cased)
    {
        var merged = ImmutableArray.CreateBuilder<StringPart>();
        var literal = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Kind == StringPartKind.Literal)
            {
                literal.Append(part.Text);
                continue;
            }
            if (literal.Length > 0)
            {
                merged.Add(StringPart.Literal(literal.ToString()));
                literal.Clear();
            }
            if (part.Kind == StringPartKind.AnyChars && merged.Count > 0 && merged[^1].Kind == StringPartKind.AnyChars)
                continue;
            merged.Add(part);
        }
        if (literal.Length > 0)
            merged.Add(StringPart.Literal(literal.ToString()));
        return new SigmaString(merged.ToImmutable(), cased);
    }

    /// <summary>
    /// Reads a rule's string with the specification's escapes: <c>\*</c>, <c>\?</c> and <c>\\</c> stand for the
    /// character itself; any other backslash is a plain backslash. With <paramref name="placeholders"/> (the
    /// <c>expand</c> modifier) <c>%name%</c> is a placeholder and <c>\%</c> a plain percent sign.
    /// </summary>
    public static SigmaString Parse(string raw, bool placeholders = false)
    {
        var parts = new List<StringPart>();
        var literal = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                if (i + 1 < raw.Length && (raw[i + 1] is '*' or '?' or '\\' || (placeholders && raw[i + 1] == '%')))
                    literal.Append(raw[++i]);
                else
                    literal.Append('\\');
                continue;
            }
            if (c is '*' or '?')
            {
                Flush(parts, literal);
                parts.Add(c == '*' ? StringPart.AnyChars : StringPart.OneChar);
                continue;
            }
            if (placeholders && c == '%' && PlaceholderEnd(raw, i) is var end and > 0)
            {
                Flush(parts, literal);
                parts.Add(StringPart.Placeholder(raw[(i + 1)..end]));
                i = end;
                continue;
            }
            literal.Append(c);
        }
        Flush(parts, literal);
        return Create(parts, false);
    }

    public SigmaString WithLeadingAnyChars() => StartsWithAnyChars ? this : Create([StringPart.AnyChars, .. Parts], Cased);

    public SigmaString WithTrailingAnyChars() => EndsWithAnyChars ? this : Create([.. Parts, StringPart.AnyChars], Cased);

    public SigmaString AsCased() => Cased ? this : new SigmaString(Parts, true);

    /// <summary>Rewrites every literal (the encodings); wildcards and placeholders stay where they are.</summary>
    public SigmaString MapLiterals(Func<string, string> map) =>
        Create(Parts.Select(p => p.Kind == StringPartKind.Literal ? StringPart.Literal(map(p.Text)) : p), Cased);

    /// <summary>The string written back in Sigma notation, escapes included.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            switch (part.Kind)
            {
                case StringPartKind.Literal:
                    foreach (var c in part.Text)
                    {
                        if (c is '*' or '?' or '\\')
                            text.Append('\\');
                        text.Append(c);
                    }
                    break;
                case StringPartKind.Placeholder:
                    text.Append('%').Append(part.Text).Append('%');
                    break;
                default:
                    text.Append(part.Text);
                    break;
            }
        }
        return text.ToString();
    }

    private static void Flush(List<StringPart> parts, StringBuilder literal)
    {
        if (literal.Length == 0)
            return;
        parts.Add(StringPart.Literal(literal.ToString()));
        literal.Clear();
    }

    // The index of the '%' closing a placeholder name that starts after `start`, or -1.
    private static int PlaceholderEnd(string raw, int start)
    {
        var i = start + 1;
        while (i < raw.Length && IsPlaceholderChar(raw[i]))
            i++;
        return i > start + 1 && i < raw.Length && raw[i] == '%' ? i : -1;
    }

    private static bool IsPlaceholderChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';
}
