using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    public bool HasWildcards
    {
        get
        {
            foreach (var part in Parts.AsSpan())
            {
                if (part.Kind is StringPartKind.AnyChars or StringPartKind.OneChar)
                    return true;
            }
            return false;
        }
    }

    public bool HasPlaceholders => Has(StringPartKind.Placeholder);

    /// <summary>Only literal text: no wildcard, no placeholder.</summary>
    public bool IsPlain
    {
        get
        {
            foreach (var part in Parts.AsSpan())
            {
                if (part.Kind != StringPartKind.Literal)
                    return false;
            }
            return true;
        }
    }

    public bool StartsWithAnyChars => Parts.Length > 0 && Parts[0].Kind == StringPartKind.AnyChars;

    public bool EndsWithAnyChars => Parts.Length > 0 && Parts[^1].Kind == StringPartKind.AnyChars;

    /// <summary>The literal text of a plain string (wildcards, if any, written as <c>*</c> and <c>?</c>).</summary>
    public string PlainText
    {
        get
        {
            var parts = Parts.AsSpan();
            switch (parts.Length)
            {
                case 0:
                    return "";
                case 1:
                    return parts[0].Text;
                default:
                    var texts = new string[parts.Length];
                    for (var i = 0; i < parts.Length; i++)
                        texts[i] = parts[i].Text;
                    return string.Concat(texts);
            }
        }
    }

    public static SigmaString Empty { get; } = new([], false);

    // The characters Parse treats specially; a string without any of them is one literal as written.
    private static readonly SearchValues<char> Special = SearchValues.Create("\\*?");
    private static readonly SearchValues<char> SpecialWithPlaceholders = SearchValues.Create("\\*?%");

    /// <summary>A string of literal text only: no character is special.</summary>
    public static SigmaString FromLiteral(string text) => Single(text, false);

    public static SigmaString Create(IEnumerable<StringPart> parts, bool cased)
    {
        // Merges adjacent literals (dropping empty ones) and runs of '*'. Rules load tens of thousands of strings,
        // so the merge builds the array itself and only reaches for a StringBuilder when two literals meet.
        var merged = new StringPart[parts.TryGetNonEnumeratedCount(out var count) ? Math.Max(count, 1) : 4];
        var length = 0;
        string? literal = null;
        StringBuilder? joined = null;
        foreach (var part in parts)
        {
            if (part.Kind == StringPartKind.Literal)
            {
                if (part.Text.Length == 0)
                    continue;
                if (literal is null)
                {
                    literal = part.Text;
                }
                else
                {
                    joined ??= new StringBuilder();
                    if (joined.Length == 0)
                        joined.Append(literal);
                    joined.Append(part.Text);
                }
                continue;
            }
            FlushLiteral(ref merged, ref length, ref literal, joined);
            if (part.Kind == StringPartKind.AnyChars && length > 0 && merged[length - 1].Kind == StringPartKind.AnyChars)
                continue;
            Append(ref merged, ref length, part);
        }
        FlushLiteral(ref merged, ref length, ref literal, joined);
        return new SigmaString(Seal(merged, length), cased);
    }

    /// <summary>
    /// Reads a rule's string with the specification's escapes: <c>\*</c>, <c>\?</c> and <c>\\</c> stand for the
    /// character itself; any other backslash is a plain backslash. With <paramref name="placeholders"/> (the
    /// <c>expand</c> modifier) <c>%name%</c> is a placeholder and <c>\%</c> a plain percent sign.
    /// </summary>
    public static SigmaString Parse(string raw, bool placeholders = false)
    {
        // Most values have no escape, wildcard or percent sign: they are one literal, the text itself.
        if (raw.AsSpan().IndexOfAny(placeholders ? SpecialWithPlaceholders : Special) < 0)
            return Single(raw, false);
        // The parts are built as Create would merge them: Parse never puts two literals side by side, so only runs
        // of '*' need merging, into one.
        var parts = new StringPart[4];
        var length = 0;
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
                Flush(ref parts, ref length, literal);
                if (c == '?')
                    Append(ref parts, ref length, StringPart.OneChar);
                else if (length == 0 || parts[length - 1].Kind != StringPartKind.AnyChars)
                    Append(ref parts, ref length, StringPart.AnyChars);
                continue;
            }
            if (placeholders && c == '%' && PlaceholderEnd(raw, i) is var end and > 0)
            {
                Flush(ref parts, ref length, literal);
                Append(ref parts, ref length, StringPart.Placeholder(raw[(i + 1)..end]));
                i = end;
                continue;
            }
            literal.Append(c);
        }
        Flush(ref parts, ref length, literal);
        return new SigmaString(Seal(parts, length), false);
    }

    // Parts is already merged, so a '*' added at an end that has none needs no further merging.
    public SigmaString WithLeadingAnyChars()
    {
        if (StartsWithAnyChars)
            return this;
        var parts = new StringPart[Parts.Length + 1];
        parts[0] = StringPart.AnyChars;
        Parts.AsSpan().CopyTo(parts.AsSpan(1));
        return new SigmaString(ImmutableCollectionsMarshal.AsImmutableArray(parts), Cased);
    }

    public SigmaString WithTrailingAnyChars()
    {
        if (EndsWithAnyChars)
            return this;
        var parts = new StringPart[Parts.Length + 1];
        Parts.AsSpan().CopyTo(parts);
        parts[^1] = StringPart.AnyChars;
        return new SigmaString(ImmutableCollectionsMarshal.AsImmutableArray(parts), Cased);
    }

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

    private bool Has(StringPartKind kind)
    {
        foreach (var part in Parts.AsSpan())
        {
            if (part.Kind == kind)
                return true;
        }
        return false;
    }

    // One literal (none for empty text), as Create would make it.
    private static SigmaString Single(string text, bool cased) =>
        new(text.Length == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(new[] { StringPart.Literal(text) }), cased);

    private static void FlushLiteral(ref StringPart[] merged, ref int length, ref string? literal, StringBuilder? joined)
    {
        if (literal is null)
            return;
        if (joined is { Length: > 0 })
        {
            Append(ref merged, ref length, StringPart.Literal(joined.ToString()));
            joined.Clear();
        }
        else
        {
            Append(ref merged, ref length, StringPart.Literal(literal));
        }
        literal = null;
    }

    private static void Append(ref StringPart[] parts, ref int length, StringPart part)
    {
        if (length == parts.Length)
            parts = Copy(parts, length, parts.Length * 2);
        parts[length++] = part;
    }

    // Array.Copy rather than Array.Resize: a generic method over this struct would be compiled at run time.
    private static StringPart[] Copy(StringPart[] parts, int length, int size)
    {
        var copy = new StringPart[size];
        Array.Copy(parts, copy, length);
        return copy;
    }

    private static ImmutableArray<StringPart> Seal(StringPart[] parts, int length)
    {
        if (length == 0)
            return [];
        if (length != parts.Length)
            parts = Copy(parts, length, length);
        return ImmutableCollectionsMarshal.AsImmutableArray(parts);
    }

    private static void Flush(ref StringPart[] parts, ref int length, StringBuilder literal)
    {
        if (literal.Length == 0)
            return;
        Append(ref parts, ref length, StringPart.Literal(literal.ToString()));
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
