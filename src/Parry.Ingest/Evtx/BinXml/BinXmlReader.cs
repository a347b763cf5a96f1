using System.Buffers.Binary;

namespace Parry.Ingest.Evtx.BinXml;

/// <summary>
/// Parses the binary XML of one chunk's records into <see cref="XmlTree"/>s. Template definitions are parsed once
/// per chunk into a template store (with placeholders) and instantiated for every record that references them,
/// resolving substitutions, nested binary XML and array values the way evtx_dump does. One reader per worker; its
/// state is the current chunk's, reset by <see cref="BeginChunk"/>.
/// </summary>
/// <remarks>
/// Bounds: every read is checked against its fragment's range (<see cref="ChunkCursor"/>); element nesting, nested
/// fragments and tree sizes have hard limits; a template cannot contain a template instance, and a nested fragment
/// lies strictly inside the value that holds it, so nothing can recurse without consuming input.
/// </remarks>
internal sealed partial class BinXmlReader
{
    public const int MaxElementDepth = 64;
    public const int MaxFragmentDepth = 8;
    public const int MaxRecordNodes = 200_000;
    public const int MaxTemplateNodes = 262_144;

    private readonly XmlTree _record = new(MaxRecordNodes);
    private byte[] _chunk = [];
    private int _chunkLength;

    /// <summary>The chunk the trees' offsets refer to.</summary>
    public ReadOnlySpan<byte> Chunk => _chunk.AsSpan(0, _chunkLength);

    public byte[] ChunkBuffer => _chunk;

    public void BeginChunk(byte[] chunk, int length)
    {
        _chunk = chunk;
        _chunkLength = length;
        ResetTemplates();
    }

    /// <summary>Parses a record's binary XML (chunk offsets <paramref name="start"/> to <paramref name="end"/>)
    /// into a tree whose container (index 0) holds the record's top-level nodes.</summary>
    public XmlTree ParseRecord(int start, int end)
    {
        _record.Reset();
        _values.Clear();
        _items.Clear();
        _overrides.Clear();
        var cursor = new ChunkCursor(Chunk, start, end);
        ParseFragment(ref cursor, _record, 0, templateDefinition: false, fragmentDepth: 0);
        return _record;
    }

    // Reads tokens up to the end-of-fragment token or the end of the range, adding nodes under `container`.
    // Template definitions keep substitutions as placeholders and carry a dependency identifier in element starts;
    // records and nested fragments instantiate templates and have no dependency identifier (as evtx_dump reads them).
    private void ParseFragment(ref ChunkCursor c, XmlTree tree, int container, bool templateDefinition, int fragmentDepth)
    {
        Span<int> open = stackalloc int[MaxElementDepth];
        var depth = 0;
        var startTag = -1;
        var attribute = -1;

        while (!c.AtEnd)
        {
            var at = c.Position;
            var token = c.ReadByte();
            switch (token)
            {
                case BinXmlToken.EndOfFragment:
                    goto done;

                case BinXmlToken.OpenStartElement or BinXmlToken.OpenStartElement | BinXmlToken.MoreDataFlag:
                {
                    if (startTag >= 0)
                        throw new EvtxFormatException($"element start inside a start tag at chunk offset {at}");
                    if (templateDefinition)
                        c.Skip(2);
                    c.Skip(4);
                    var element = XmlNode.Create(XmlNodeKind.Element);
                    ReadName(ref c, ref element);
                    if ((token & BinXmlToken.MoreDataFlag) != 0)
                        c.Skip(4);
                    startTag = tree.AddChild(depth > 0 ? open[depth - 1] : container, element);
                    attribute = -1;
                    break;
                }

                case BinXmlToken.CloseStartElement:
                    if (startTag < 0)
                        throw new EvtxFormatException($"close of a start tag that was not opened at chunk offset {at}");
                    if (depth == MaxElementDepth)
                        throw new EvtxFormatException($"elements nested deeper than {MaxElementDepth}");
                    open[depth++] = startTag;
                    startTag = -1;
                    attribute = -1;
                    break;

                case BinXmlToken.CloseEmptyElement:
                    if (startTag < 0)
                        throw new EvtxFormatException($"close of a start tag that was not opened at chunk offset {at}");
                    startTag = -1;
                    attribute = -1;
                    break;

                case BinXmlToken.EndElement:
                    if (depth == 0 || startTag >= 0)
                        throw new EvtxFormatException($"end of an element that is not open at chunk offset {at}");
                    depth--;
                    break;

                case BinXmlToken.Attribute or BinXmlToken.Attribute | BinXmlToken.MoreDataFlag:
                {
                    if (startTag < 0)
                        throw new EvtxFormatException($"attribute outside a start tag at chunk offset {at}");
                    var node = XmlNode.Create(XmlNodeKind.Attribute);
                    ReadName(ref c, ref node);
                    attribute = tree.AddAttribute(startTag, node);
                    break;
                }

                case BinXmlToken.Value or BinXmlToken.Value | BinXmlToken.MoreDataFlag:
                    AddContent(tree, ReadValueToken(ref c), container, open, depth, startTag, attribute);
                    break;

                case BinXmlToken.CData or BinXmlToken.CData | BinXmlToken.MoreDataFlag:
                {
                    var node = XmlNode.Create(XmlNodeKind.CData);
                    ReadCountedString(ref c, ref node);
                    AddContent(tree, node, container, open, depth, startTag, attribute);
                    break;
                }

                case BinXmlToken.CharRef or BinXmlToken.CharRef | BinXmlToken.MoreDataFlag:
                {
                    var node = XmlNode.Create(XmlNodeKind.CharRef);
                    node.DataStart = c.ReadUInt16();
                    AddContent(tree, node, container, open, depth, startTag, attribute);
                    break;
                }

                case BinXmlToken.EntityRef or BinXmlToken.EntityRef | BinXmlToken.MoreDataFlag:
                {
                    var node = XmlNode.Create(XmlNodeKind.EntityRef);
                    ReadName(ref c, ref node);
                    AddContent(tree, node, container, open, depth, startTag, attribute);
                    break;
                }

                case BinXmlToken.PITarget:
                {
                    var node = XmlNode.Create(XmlNodeKind.ProcessingInstruction);
                    ReadName(ref c, ref node);
                    if (startTag < 0)
                        tree.AddChild(depth > 0 ? open[depth - 1] : container, node);
                    break;
                }

                case BinXmlToken.PIData:
                {
                    var data = XmlNode.Create(XmlNodeKind.ProcessingInstruction);
                    ReadCountedString(ref c, ref data);
                    break;
                }

                case BinXmlToken.TemplateInstance:
                    if (templateDefinition)
                        throw new EvtxFormatException($"template instance inside a template definition at chunk offset {at}");
                    if (startTag >= 0)
                        throw new EvtxFormatException($"template instance inside a start tag at chunk offset {at}");
                    ReadTemplateInstance(ref c, depth > 0 ? open[depth - 1] : container, fragmentDepth);
                    break;

                case BinXmlToken.NormalSubstitution or BinXmlToken.OptionalSubstitution:
                {
                    if (!templateDefinition)
                        throw new EvtxFormatException($"substitution outside a template definition at chunk offset {at}");
                    var node = XmlNode.Create(XmlNodeKind.Placeholder);
                    node.DataStart = c.ReadUInt16();
                    node.ValueType = c.ReadByte();
                    node.Optional = token == BinXmlToken.OptionalSubstitution;
                    if (!BinXmlValueType.IsKnown(node.ValueType))
                        throw new EvtxFormatException($"unknown value type 0x{node.ValueType:x2} in a substitution at chunk offset {at}");
                    AddContent(tree, node, container, open, depth, startTag, attribute);
                    break;
                }

                case BinXmlToken.FragmentHeader:
                    c.Skip(3);
                    break;

                default:
                    throw new EvtxFormatException($"unknown binary XML token 0x{token:x2} at chunk offset {at}");
            }
        }

    done:
        if (startTag >= 0 || depth > 0)
            throw new EvtxFormatException("binary XML ends inside an element");
    }

    // Content goes to the open attribute inside a start tag (values before any attribute are dropped, as evtx_dump
    // does), otherwise to the innermost open element.
    private static void AddContent(XmlTree tree, in XmlNode node, int container, Span<int> open, int depth, int startTag, int attribute)
    {
        if (startTag >= 0)
        {
            if (attribute >= 0)
                tree.AddChild(attribute, node);
            return;
        }
        tree.AddChild(depth > 0 ? open[depth - 1] : container, node);
    }

    private XmlNode ReadValueToken(ref ChunkCursor c)
    {
        var at = c.Position;
        var type = c.ReadByte();
        if (type == BinXmlValueType.String)
        {
            // Text as evtx_dump reads it: up to a NUL if one comes before the stated length.
            var text = XmlNode.Create(XmlNodeKind.Text);
            ReadCountedString(ref c, ref text);
            text.DataLength = BinXmlValues.Utf16Length(Chunk.Slice(text.DataStart, text.DataLength));
            return text;
        }
        var value = XmlNode.Create(XmlNodeKind.Value);
        value.ValueType = type;
        value.DataStart = c.Position;
        var size = type == BinXmlValueType.Null ? 0 : BinXmlValueType.FixedSize(type);
        if (size == 0 && type != BinXmlValueType.Null)
            throw new EvtxFormatException($"value token of type {BinXmlValueType.Name(type)} at chunk offset {at} is not supported");
        c.Skip(size);
        value.DataLength = size;
        return value;
    }

    // A character count followed by that many UTF-16 code units.
    private static void ReadCountedString(ref ChunkCursor c, ref XmlNode node)
    {
        var count = c.ReadUInt16();
        node.DataStart = c.Position;
        node.DataLength = 2 * count;
        c.Skip(node.DataLength);
    }

    // A name is an offset into the chunk; when it points just past itself the name structure follows inline and is
    // skipped. The structure: 4 bytes (next name in the hash bucket), hash, character count, characters, NUL.
    private void ReadName(ref ChunkCursor c, ref XmlNode node)
    {
        var offset = c.ReadUInt32();
        var chunk = Chunk;
        if (offset > (uint)(chunk.Length - 8))
            throw new EvtxFormatException($"name offset {offset} outside the chunk");
        var count = BinaryPrimitives.ReadUInt16LittleEndian(chunk[((int)offset + 6)..]);
        var charsStart = (int)offset + 8;
        if (charsStart + (2 * count) > chunk.Length)
            throw new EvtxFormatException($"name at chunk offset {offset} runs past the chunk");
        if (offset == (uint)c.Position)
            c.Skip(8 + (2 * count) + 2);
        node.NameStart = charsStart;
        node.NameLength = count;
    }
}
