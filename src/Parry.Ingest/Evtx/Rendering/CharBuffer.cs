using System.Runtime.InteropServices;
using Parry.Core.Events;

namespace Parry.Ingest.Evtx.Rendering;

/// <summary>
/// Reusable scratch text for values that need formatting (numbers inside text, GUIDs, times, hex) or joining. It
/// grows to the largest text seen, up to the event's text limit, then allocates nothing.
/// </summary>
internal sealed class CharBuffer(int maxChars)
{
    private char[] _chars = new char[512];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Drops what was appended after <paramref name="length"/>.</summary>
    public void Truncate(int length) => Length = length;

    public void Append(char c) => Reserve(1)[0] = c;

    public void Append(ReadOnlySpan<char> text) => text.CopyTo(Reserve(text.Length));

    /// <summary>Appends UTF-16 little-endian bytes as characters.</summary>
    public void AppendUtf16(ReadOnlySpan<byte> bytes) => Append(MemoryMarshal.Cast<byte, char>(bytes));

    /// <summary>Space for <paramref name="count"/> characters at the end; they count as written.</summary>
    public Span<char> Reserve(int count)
    {
        if ((long)Length + count > maxChars)
            throw new EventTooLargeException($"more than {maxChars} characters of text in one value");
        if (Length + count > _chars.Length)
            Array.Resize(ref _chars, (int)Math.Min(maxChars, Math.Max(Length + count, 2L * _chars.Length)));
        var span = _chars.AsSpan(Length, count);
        Length += count;
        return span;
    }

    /// <summary>Gives back the unused end of the last <see cref="Reserve"/>.</summary>
    public void Unreserve(int count) => Length -= count;
}
