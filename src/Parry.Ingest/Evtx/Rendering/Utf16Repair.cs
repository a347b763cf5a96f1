namespace Parry.Ingest.Evtx.Rendering;

/// <summary>
/// Text from a log can hold unpaired UTF-16 surrogates (damage, or a value crafted to break tools). Such text is
/// kept, with each unpaired surrogate replaced by U+FFFD, so the record still decodes and can still be written as
/// JSON, rather than being dropped.
/// </summary>
internal static class Utf16Repair
{
    /// <summary>Whether <paramref name="text"/> has an unpaired surrogate; almost always answered by one vectorised
    /// search for any surrogate at all.</summary>
    public static bool IsNeeded(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (at < 0)
            return false;
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return true;
        }
        return false;
    }

    public static void AppendRepaired(ReadOnlySpan<char> text, CharBuffer output)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c);
                output.Append(text[++i]);
            }
            else
            {
                output.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
    }
}
