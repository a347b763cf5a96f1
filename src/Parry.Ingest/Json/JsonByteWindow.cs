using System.Buffers;

namespace Parry.Ingest.Json;

/// <summary>
/// The bytes <see cref="JsonRecordFramer"/> is looking at: one pooled buffer holding the unconsumed input from
/// <see cref="Start"/> to <see cref="End"/>, refilled from the stream and grown only while one record needs it (up to
/// the record limit), with the line number and line start at <see cref="Start"/> kept as bytes are consumed.
/// </summary>
internal sealed class JsonByteWindow : IDisposable
{
    private const int MaxIndent = 256;

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private bool _atFileStart = true;

    public JsonByteWindow(Stream stream, int maxRecordBytes, int initialBufferBytes)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        Buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(initialBufferBytes, 512, Math.Max(512, maxRecordBytes + 1)));
    }

    public byte[] Buffer { get; private set; }

    /// <summary>First unconsumed byte.</summary>
    public int Start { get; set; }

    /// <summary>One past the last byte read.</summary>
    public int End { get; private set; }

    /// <summary>The stream has no more bytes.</summary>
    public bool Eof { get; private set; }

    /// <summary>1-based line number of the bytes being looked at (kept by whoever passes a line end).</summary>
    public long Line { get; set; } = 1;

    /// <summary>Buffer position where the current line starts (negative once dropped); moves with the content.</summary>
    public long LineStart { get; set; }

    public ReadOnlySpan<byte> Held => Buffer.AsSpan(Start, End - Start);

    /// <summary>Skips blanks (and a byte-order mark at the start of the file); false at the end of the stream.</summary>
    public bool SkipWhitespace()
    {
        while (true)
        {
            if (Start >= End)
            {
                if (Eof)
                    return false;
                Fill();
                continue;
            }
            if (_atFileStart)
            {
                Ensure(3);
                _atFileStart = false;
                if (Buffer.AsSpan(Start, End - Start).StartsWith("\uFEFF"u8))
                    Start += 3;
                continue;
            }
            var b = Buffer[Start];
            if (b == (byte)'\n')
            {
                Start++;
                Line++;
                LineStart = Start;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                Start++;
            }
            else
            {
                return true;
            }
        }
    }

    public void Consume(int count)
    {
        var span = Buffer.AsSpan(Start, count);
        var lines = span.Count((byte)'\n');
        if (lines > 0)
        {
            Line += lines;
            LineStart = Start + span.LastIndexOf((byte)'\n') + 1;
        }
        Start += count;
    }

    public int Column(int position)
    {
        var column = position - LineStart;
        return column is >= 0 and <= MaxIndent ? (int)column : MaxIndent;
    }

    /// <summary>Makes at least <paramref name="count"/> bytes from Start available, unless the stream ends first.</summary>
    public void Ensure(int count)
    {
        while (End - Start < count && !Eof)
            Fill();
    }

    // More input while the bytes from `pos` on must stay; bytes before `pos` are dropped unless kept. Returns how far
    // the buffer's content moved down, which the caller subtracts from its positions.
    public int Refill(int pos, bool keep, ref long dropped, int need = 1)
    {
        if (!keep)
        {
            dropped += pos - Start;
            Start = pos;
        }
        var shift = 0;
        do
        {
            shift += Fill();
        }
        while (End - (pos - shift) < need && !Eof);
        return shift;
    }

    // Moves held bytes to the front, grows the buffer when it is full of one record, and reads. Returns the shift.
    public int Fill()
    {
        var shift = Start;
        if (shift > 0)
        {
            var held = End - Start;
            Buffer.AsSpan(Start, held).CopyTo(Buffer);
            Start = 0;
            End = held;
            LineStart -= shift;
        }
        if (End == Buffer.Length)
        {
            var size = (int)Math.Min((long)Buffer.Length * 2, Math.Max(Buffer.Length + 4096L, _maxRecordBytes + 4096L));
            var larger = ArrayPool<byte>.Shared.Rent(size);
            Buffer.AsSpan(0, End).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = larger;
        }
        var n = _stream.Read(Buffer, End, Buffer.Length - End);
        if (n == 0)
            Eof = true;
        End += n;
        return shift;
    }

    public void Dispose()
    {
        var buffer = Buffer;
        Buffer = [];
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}
