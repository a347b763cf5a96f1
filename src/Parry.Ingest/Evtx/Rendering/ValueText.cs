using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Parry.Ingest.Evtx.BinXml;

namespace Parry.Ingest.Evtx.Rendering;

/// <summary>
/// Writes a binary XML value as text the way evtx_dump renders it: integers in decimal, hex integers as lower-case
/// <c>0x…</c> without padding, binary as upper-case hex, GUIDs upper-case without braces, SIDs as <c>S-1-…</c>,
/// FILETIME and SYSTEMTIME as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (microseconds), floats in their shortest form,
/// arrays as their items joined with commas.
/// </summary>
internal static class ValueText
{
    private const long FileTimeEpochTicks = 504_911_232_000_000_000; // 1601-01-01 in DateTime ticks
    private static readonly Encoding Ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    public static void Append(CharBuffer output, ReadOnlySpan<byte> chunk, byte type, int offset, int length)
    {
        var bytes = chunk.Slice(offset, length);
        if (BinXmlValueType.IsArray(type))
        {
            AppendArray(output, chunk, type, offset, length);
            return;
        }
        switch (type)
        {
            case BinXmlValueType.Null:
            case BinXmlValueType.BinXml:
                return;
            case BinXmlValueType.String:
                output.AppendUtf16(bytes[..BinXmlValues.SubstitutionStringLength(bytes)]);
                return;
            case BinXmlValueType.AnsiString:
                AppendAnsi(output, bytes[..BinXmlValues.AnsiLength(bytes)]);
                return;
            case BinXmlValueType.Binary:
                AppendHexBytes(output, bytes);
                return;
            case BinXmlValueType.Sid:
                AppendSid(output, bytes);
                return;
            case BinXmlValueType.SizeT:
                AppendHex(output, bytes.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : ReadUnsigned(bytes, BinXmlValueType.HexInt32));
                return;
        }

        var width = BinXmlValueType.FixedSize(type);
        if (width == 0)
            throw new EvtxFormatException($"value of type {BinXmlValueType.Name(type)} cannot be rendered as text");
        if (bytes.Length < width)
            throw new EvtxFormatException($"{BinXmlValueType.Name(type)} value of {bytes.Length} bytes, {width} expected");
        AppendFixed(output, type, bytes[..width]);
    }

    /// <summary>Integers and booleans: JSON numbers (or booleans) when they are an element's only content.</summary>
    public static bool IsNumber(byte type) => BinXmlValueType.IsInteger(type) || type == BinXmlValueType.Bool;

    public static long ReadSigned(ReadOnlySpan<byte> bytes, byte type)
    {
        var width = Width(bytes, type);
        return width switch
        {
            1 => (sbyte)bytes[0],
            2 => BinaryPrimitives.ReadInt16LittleEndian(bytes),
            4 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            _ => BinaryPrimitives.ReadInt64LittleEndian(bytes),
        };
    }

    public static ulong ReadUnsigned(ReadOnlySpan<byte> bytes, byte type)
    {
        var width = Width(bytes, type);
        return width switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        };
    }

    public static bool ReadBool(ReadOnlySpan<byte> bytes)
    {
        Width(bytes, BinXmlValueType.Bool);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes) != 0;
    }

    /// <summary>A FILETIME or SYSTEMTIME value as an instant, when it is a valid one.</summary>
    public static DateTimeOffset? ReadTime(ReadOnlySpan<byte> bytes, byte type)
    {
        if (type == BinXmlValueType.FileTime && bytes.Length >= 8)
            return FileTime(BinaryPrimitives.ReadInt64LittleEndian(bytes));
        if (type != BinXmlValueType.SysTime || bytes.Length < 16)
            return null;
        Span<int> f = stackalloc int[8];
        SystemTimeFields(bytes, f);
        if (f[0] is < 1 or > 9999 || f[1] is < 1 or > 12 || f[3] < 1 || f[3] > DateTime.DaysInMonth(f[0], f[1])
            || f[4] > 23 || f[5] > 59 || f[6] > 59 || f[7] > 999)
            return null; // fields that make no date: rendered as written, no event time
        return new DateTimeOffset(f[0], f[1], f[3], f[4], f[5], f[6], f[7], TimeSpan.Zero);
    }

    /// <summary>100-nanosecond intervals since 1601 as an instant; null past year 9999 or before 1601.</summary>
    public static DateTimeOffset? FileTime(long ticks) =>
        ticks >= 0 && ticks <= DateTime.MaxValue.Ticks - FileTimeEpochTicks
            ? new DateTimeOffset(FileTimeEpochTicks + ticks, TimeSpan.Zero)
            : null;

    // The width of a fixed-size value; a value shorter than its type is malformed (a longer one is read from its
    // start, as evtx_dump does).
    private static int Width(ReadOnlySpan<byte> bytes, byte type)
    {
        var width = BinXmlValueType.FixedSize(type);
        if (bytes.Length < width)
            throw new EvtxFormatException($"{BinXmlValueType.Name(type)} value of {bytes.Length} bytes, {width} expected");
        return width;
    }

    private static void AppendFixed(CharBuffer output, byte type, ReadOnlySpan<byte> bytes)
    {
        switch (type)
        {
            case BinXmlValueType.Int8 or BinXmlValueType.Int16 or BinXmlValueType.Int32 or BinXmlValueType.Int64:
                AppendInteger(output, ReadSigned(bytes, type));
                return;
            case BinXmlValueType.UInt8 or BinXmlValueType.UInt16 or BinXmlValueType.UInt32 or BinXmlValueType.UInt64:
                AppendInteger(output, ReadUnsigned(bytes, type));
                return;
            case BinXmlValueType.HexInt32:
                AppendHex(output, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
                return;
            case BinXmlValueType.HexInt64:
                AppendHex(output, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
                return;
            case BinXmlValueType.Bool:
                output.Append(ReadBool(bytes) ? "true" : "false");
                return;
            case BinXmlValueType.Real32:
                FloatText.Append(output, BinaryPrimitives.ReadSingleLittleEndian(bytes));
                return;
            case BinXmlValueType.Real64:
                FloatText.Append(output, BinaryPrimitives.ReadDoubleLittleEndian(bytes));
                return;
            case BinXmlValueType.Guid:
                AppendGuid(output, bytes);
                return;
            case BinXmlValueType.FileTime:
                AppendFileTime(output, BinaryPrimitives.ReadInt64LittleEndian(bytes));
                return;
            case BinXmlValueType.SysTime:
                AppendSystemTime(output, bytes);
                return;
        }
    }

    private static void AppendArray(CharBuffer output, ReadOnlySpan<byte> chunk, byte type, int offset, int length)
    {
        var baseType = (byte)(type & ~BinXmlValueType.ArrayFlag);
        var items = new List<(int Offset, int Length)>();
        if (!BinXmlValues.TrySplitArray(chunk, type, offset, length, items))
        {
            AppendHexBytes(output, chunk.Slice(offset, length)); // binary or size-type arrays: no item boundaries
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                output.Append(',');
            Append(output, chunk, baseType, items[i].Offset, items[i].Length);
        }
    }

    public static void AppendInteger(CharBuffer output, long value)
    {
        var span = output.Reserve(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Unreserve(20 - written);
    }

    public static void AppendInteger(CharBuffer output, ulong value)
    {
        var span = output.Reserve(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Unreserve(20 - written);
    }

    private static void AppendHex(CharBuffer output, ulong value)
    {
        output.Append("0x");
        var span = output.Reserve(16);
        value.TryFormat(span, out var written, "x", CultureInfo.InvariantCulture);
        output.Unreserve(16 - written);
    }

    private static void AppendHexBytes(CharBuffer output, ReadOnlySpan<byte> bytes)
    {
        var span = output.Reserve(2 * bytes.Length);
        Convert.TryToHexString(bytes, span, out _);
    }

    private static void AppendGuid(CharBuffer output, ReadOnlySpan<byte> bytes)
    {
        var span = output.Reserve(36);
        new Guid(bytes[..16]).TryFormat(span, out _, "D");
        for (var i = 0; i < span.Length; i++)
            span[i] = char.ToUpperInvariant(span[i]);
    }

    // Revision, sub-authority count, 48-bit big-endian authority, then 32-bit little-endian sub-authorities.
    private static void AppendSid(CharBuffer output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            output.Append("S-?");
            return;
        }
        output.Append("S-");
        AppendInteger(output, (ulong)bytes[0]);
        output.Append('-');
        ulong authority = 0;
        for (var i = 2; i < 8; i++)
            authority = (authority << 8) | bytes[i];
        AppendInteger(output, authority);
        for (var i = 0; i < bytes[1] && 8 + (4 * i) + 4 <= bytes.Length; i++)
        {
            output.Append('-');
            AppendInteger(output, (ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(8 + (4 * i))..]));
        }
    }

    private static void AppendFileTime(CharBuffer output, long ticks)
    {
        if (FileTime(ticks) is not { } time)
        {
            AppendInteger(output, ticks); // beyond year 9999: no calendar date to show
            return;
        }
        var dt = time.UtcDateTime;
        AppendDateTime(output, dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second, (int)(dt.Ticks % TimeSpan.TicksPerSecond / 10));
    }

    // Year, month, day of week, day, hour, minute, second, milliseconds: written as stored, even when invalid.
    private static void AppendSystemTime(CharBuffer output, ReadOnlySpan<byte> bytes)
    {
        Span<int> f = stackalloc int[8];
        SystemTimeFields(bytes, f);
        AppendDateTime(output, f[0], f[1], f[3], f[4], f[5], f[6], f[7] * 1000);
    }

    private static void SystemTimeFields(ReadOnlySpan<byte> bytes, Span<int> fields)
    {
        for (var i = 0; i < fields.Length; i++)
            fields[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]);
    }

    private static void AppendDateTime(CharBuffer output, int year, int month, int day, int hour, int minute, int second, int micros)
    {
        var span = output.Reserve(27);
        Digits(span[..4], year);
        span[4] = '-';
        Digits(span.Slice(5, 2), month);
        span[7] = '-';
        Digits(span.Slice(8, 2), day);
        span[10] = 'T';
        Digits(span.Slice(11, 2), hour);
        span[13] = ':';
        Digits(span.Slice(14, 2), minute);
        span[16] = ':';
        Digits(span.Slice(17, 2), second);
        span[19] = '.';
        Digits(span.Slice(20, 6), micros);
        span[26] = 'Z';
    }

    // Zero-padded decimal of the low digits that fit.
    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static void AppendAnsi(CharBuffer output, ReadOnlySpan<byte> bytes)
    {
        var span = output.Reserve(Ansi.GetMaxCharCount(bytes.Length));
        var written = Ansi.GetChars(bytes, span);
        output.Unreserve(span.Length - written);
    }
}
