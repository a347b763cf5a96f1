using System.Buffers.Binary;

namespace Parry.Ingest.Evtx.BinXml;

/// <summary>Questions about a value's bytes that both template instantiation and rendering ask.</summary>
internal static class BinXmlValues
{
    /// <summary>Bytes of a UTF-16 string up to its first NUL (substitution strings often carry their terminator).</summary>
    public static int Utf16Length(ReadOnlySpan<byte> bytes)
    {
        var units = bytes.Length / 2;
        for (var i = 0; i < units; i++)
        {
            if (bytes[2 * i] == 0 && bytes[(2 * i) + 1] == 0)
                return 2 * i;
        }
        return 2 * units;
    }

    /// <summary>Bytes of a substitution string as evtx_dump keeps it: up to its first NUL, without trailing
    /// whitespace (Windows pads some fields, e.g. LogonProcessName "Advapi  ").</summary>
    public static int SubstitutionStringLength(ReadOnlySpan<byte> bytes)
    {
        var length = Utf16Length(bytes);
        while (length >= 2 && char.IsWhiteSpace((char)(bytes[length - 2] | (bytes[length - 1] << 8))))
            length -= 2;
        return length;
    }

    public static int AnsiLength(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes.Length : nul;
    }

    /// <summary>evtx_dump's "empty" test: an optional substitution with such a value is left out, and an element
    /// or attribute holding only such values has no text.</summary>
    public static bool IsEmpty(ReadOnlySpan<byte> chunk, byte type, int offset, int length)
    {
        var bytes = chunk.Slice(offset, length);
        return type switch
        {
            BinXmlValueType.Null => true,
            BinXmlValueType.String => SubstitutionStringLength(bytes) == 0,
            BinXmlValueType.AnsiString => AnsiLength(bytes) == 0,
            BinXmlValueType.Binary or BinXmlValueType.BinXml => length == 0,
            _ when BinXmlValueType.IsArray(type) => length == 0,
            _ => false,
        };
    }

    /// <summary>
    /// Splits an array value into its items' byte ranges (appended to <paramref name="items"/>), or returns false
    /// for array types whose items cannot be told apart (binary, size type). String items exclude their NUL.
    /// </summary>
    public static bool TrySplitArray(ReadOnlySpan<byte> chunk, byte type, int offset, int length, List<(int Offset, int Length)> items)
    {
        var baseType = (byte)(type & ~BinXmlValueType.ArrayFlag);
        var bytes = chunk.Slice(offset, length);
        switch (baseType)
        {
            case BinXmlValueType.String:
                SplitTerminated(bytes, offset, 2, items);
                return true;
            case BinXmlValueType.AnsiString:
                SplitTerminated(bytes, offset, 1, items);
                return true;
            case BinXmlValueType.Sid:
                for (var at = 0; at + 8 <= length;)
                {
                    var size = 8 + (4 * bytes[at + 1]);
                    if (at + size > length)
                        break;
                    items.Add((offset + at, size));
                    at += size;
                }
                return true;
            default:
                var width = BinXmlValueType.FixedSize(baseType);
                if (width == 0)
                    return false;
                for (var at = 0; at + width <= length; at += width)
                    items.Add((offset + at, width));
                return true;
        }
    }

    // NUL-terminated items; a last item without its terminator still counts.
    private static void SplitTerminated(ReadOnlySpan<byte> bytes, int offset, int unit, List<(int, int)> items)
    {
        var start = 0;
        for (var at = 0; at + unit <= bytes.Length; at += unit)
        {
            var nul = unit == 1 ? bytes[at] == 0 : BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) == 0;
            if (!nul)
                continue;
            items.Add((offset + start, at - start));
            start = at + unit;
        }
        var tail = bytes.Length - (bytes.Length % unit);
        if (start < tail)
            items.Add((offset + start, tail - start));
    }
}
