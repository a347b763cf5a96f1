using System.Buffers.Binary;
using System.Text;
using Parry.Ingest.Evtx.Layout;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>
/// Writes small EVTX files by hand, token by token, for tests of rendering rules the corpora do not reach (arrays,
/// every value type, unnamed Data, deep nesting). Names are written inline; element and attribute sizes, which the
/// reader does not use, are left zero. <see cref="ToFile"/> adds the file and chunk headers with valid checksums.
/// </summary>
internal sealed class SyntheticEvtx
{
    private readonly byte[] _chunk = new byte[EvtxChunkHeader.ChunkSize];
    private int _at = EvtxChunkHeader.HeaderSize;
    private ulong _nextRecord = 1;
    private int _lastRecord = EvtxChunkHeader.HeaderSize;

    /// <summary>Chunk offset where the next byte goes.</summary>
    public int Position => _at;

    /// <summary>Adds a record whose binary XML <paramref name="body"/> writes (after the fragment header).</summary>
    public SyntheticEvtx Record(Action<SyntheticEvtx> body)
    {
        var start = _at;
        _lastRecord = start;
        _at += 24;
        FragmentHeader();
        body(this);
        Byte(0x00); // end of fragment
        _at += 4;
        while ((_at - start) % 8 != 0)
            _at++;
        var size = _at - start;
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(start), 0x2A2A);
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(start + 4), (uint)size);
        BinaryPrimitives.WriteUInt64LittleEndian(_chunk.AsSpan(start + 8), _nextRecord++);
        BinaryPrimitives.WriteInt64LittleEndian(_chunk.AsSpan(start + 16), 132_000_000_000_000_000);
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(_at - 4), (uint)size);
        return this;
    }

    public void FragmentHeader() => Bytes(0x0F, 0x01, 0x01, 0x00);

    /// <summary>An element start; <paramref name="template"/> adds the dependency identifier template definitions
    /// carry.</summary>
    public void Open(string name, bool attributes = false, bool template = true)
    {
        Byte((byte)(attributes ? 0x41 : 0x01));
        if (template)
            UInt16(0xFFFF);
        UInt32(0);
        Name(name);
        if (attributes)
            UInt32(0);
    }

    public void Attribute(string name)
    {
        Byte(0x06);
        Name(name);
    }

    public void CloseStart() => Byte(0x02);

    public void CloseEmpty() => Byte(0x03);

    public void End() => Byte(0x04);

    public void Text(string text)
    {
        Byte(0x05);
        Byte(0x01);
        UInt16((ushort)text.Length);
        Utf16(text);
    }

    public void CharRef(ushort value)
    {
        Byte(0x08);
        UInt16(value);
    }

    public void EntityRef(string name)
    {
        Byte(0x09);
        Name(name);
    }

    public void Substitution(ushort index, byte type, bool optional = false)
    {
        Byte((byte)(optional ? 0x0E : 0x0D));
        UInt16(index);
        Byte(type);
    }

    /// <summary><c>&lt;name&gt;%index&lt;/name&gt;</c> in a template definition.</summary>
    public void SubstitutedElement(string name, ushort index, byte type, bool optional = false)
    {
        Open(name);
        CloseStart();
        Substitution(index, type, optional);
        End();
    }

    /// <summary>A template instance whose definition follows inline; returns the definition's chunk offset for
    /// later instances to refer to.</summary>
    public int Template(Action<SyntheticEvtx> definition, params Sub[] values)
    {
        Byte(0x0C);
        Byte(0x01);
        UInt32(0x1234);
        var offset = _at + 4;
        UInt32((uint)offset);
        UInt32(0); // next template
        Bytes(new byte[16]); // template GUID
        var sizeAt = _at;
        UInt32(0);
        var start = _at;
        FragmentHeader();
        definition(this);
        Byte(0x00);
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(sizeAt), (uint)(_at - start));
        Values(values);
        return offset;
    }

    /// <summary>A template instance of a definition stored earlier in the chunk.</summary>
    public void TemplateReference(int definition, params Sub[] values)
    {
        Byte(0x0C);
        Byte(0x01);
        UInt32(0x1234);
        UInt32((uint)definition);
        Values(values);
    }

    private static byte[] Nested(int at, Action<SyntheticEvtx> body)
    {
        var inner = new SyntheticEvtx { _at = at };
        inner.FragmentHeader();
        body(inner);
        inner.Byte(0x00);
        return inner._chunk[at..inner._at];
    }

    public byte[] ToFile()
    {
        var header = new byte[4096];
        "ElfFile\0"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(24), _nextRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(32), 128);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(36), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(38), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(40), 4096);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(42), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(124), Crc32.Compute(header.AsSpan(0, 120)));

        var chunk = (byte[])_chunk.Clone();
        "ElfChnk\0"u8.CopyTo(chunk);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(16), _nextRecord - 1);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(24), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(32), _nextRecord - 1);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(40), 128);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(44), (uint)_lastRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(48), (uint)_at);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(52), Crc32.Compute(chunk.AsSpan(512, _at - 512)));
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(124), EvtxChunkHeader.ComputeHeaderChecksum(chunk));
        return [.. header, .. chunk];
    }

    /// <summary>A substitution value: its type and its bytes, given the chunk offset where they will land.</summary>
    public sealed record Sub(byte Type, Func<int, byte[]> At)
    {
        public Sub(byte type, byte[] data)
            : this(type, _ => data)
        {
        }
    }

    // Value builders for substitution arrays.
    public static Sub Str(string s) => new(0x01, Encoding.Unicode.GetBytes(s + "\0"));

    public static Sub Null() => new(0x00, []);

    public static Sub U8(byte v) => new(0x04, [v]);

    public static Sub U16(ushort v) => new(0x06, BitConverter.GetBytes(v));

    public static Sub I32(int v) => new(0x07, BitConverter.GetBytes(v));

    public static Sub U32(uint v) => new(0x08, BitConverter.GetBytes(v));

    public static Sub I64(long v) => new(0x09, BitConverter.GetBytes(v));

    public static Sub U64(ulong v) => new(0x0A, BitConverter.GetBytes(v));

    public static Sub Hex32(uint v) => new(0x14, BitConverter.GetBytes(v));

    public static Sub Hex64(ulong v) => new(0x15, BitConverter.GetBytes(v));

    public static Sub Real64(double v) => new(0x0C, BitConverter.GetBytes(v));

    public static Sub Bool(bool v) => new(0x0D, BitConverter.GetBytes(v ? 1 : 0));

    public static Sub Binary(params byte[] v) => new(0x0E, v);

    public static Sub GuidValue(System.Guid v) => new(0x0F, v.ToByteArray());

    public static Sub FileTime(DateTime utc) => new(0x11, BitConverter.GetBytes(utc.ToFileTimeUtc()));

    public static Sub SystemTime(ushort year, ushort month, ushort day, ushort hour, ushort minute, ushort second, ushort ms) =>
        new(0x12, [.. new ushort[] { year, month, 0, day, hour, minute, second, ms }.SelectMany(BitConverter.GetBytes)]);

    public static Sub Sid(byte revision, ulong authority, params uint[] subs)
    {
        var bytes = new List<byte> { revision, (byte)subs.Length };
        for (var i = 5; i >= 0; i--)
            bytes.Add((byte)(authority >> (8 * i)));
        foreach (var s in subs)
            bytes.AddRange(BitConverter.GetBytes(s));
        return new(0x13, [.. bytes]);
    }

    public static Sub StringArray(params string[] items) =>
        new(0x81, Encoding.Unicode.GetBytes(string.Concat(items.Select(i => i + "\0"))));

    public static Sub UInt16Array(params ushort[] items) => new(0x86, [.. items.SelectMany(BitConverter.GetBytes)]);

    /// <summary>Nested binary XML, written where the value lands in the chunk (its inline names point there).</summary>
    public static Sub BinXml(Action<SyntheticEvtx> body) => new(0x21, at => Nested(at, body));

    private void Values(Sub[] values)
    {
        UInt32((uint)values.Length);
        var landing = _at + (4 * values.Length);
        var data = new List<byte[]>();
        foreach (var value in values)
        {
            var bytes = value.At(landing);
            data.Add(bytes);
            landing += bytes.Length;
            UInt16((ushort)bytes.Length);
            Byte(value.Type);
            Byte(0);
        }
        foreach (var bytes in data)
            Bytes(bytes);
    }

    // Inline name: the offset points just past itself; then next-name link, hash, count, characters, NUL.
    private void Name(string name)
    {
        UInt32((uint)(_at + 4));
        UInt32(0);
        UInt16(0);
        UInt16((ushort)name.Length);
        Utf16(name);
        UInt16(0);
    }

    private void Utf16(string text) => Bytes(Encoding.Unicode.GetBytes(text));

    private void Byte(byte b) => _chunk[_at++] = b;

    private void Bytes(params byte[] bytes)
    {
        bytes.CopyTo(_chunk, _at);
        _at += bytes.Length;
    }

    private void UInt16(ushort v)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_chunk.AsSpan(_at), v);
        _at += 2;
    }

    private void UInt32(uint v)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(_at), v);
        _at += 4;
    }
}
