using System.Buffers.Binary;

namespace Parry.Ingest.Evtx.BinXml;

// Template instances: the chunk-level template cache and instantiation with substitution values.
internal sealed partial class BinXmlReader
{
    private const int TemplateHeaderSize = 24;
    private const int MaxArraysPerElement = 4;

    private readonly XmlTree _templates = new(MaxTemplateNodes);
    private readonly Dictionary<int, int> _templateRoots = [];
    private readonly Dictionary<int, string> _templateFailures = [];
    private readonly List<SubstitutionValue> _values = [];
    private readonly List<(int Offset, int Length)> _items = [];
    private readonly List<Override> _overrides = [];

    /// <summary>An array placeholder pinned to one item while its element is repeated once per item.</summary>
    private readonly record struct Override(int ValuesStart, int Placeholder, int ItemOffset, int ItemLength);

    /// <summary>Template definitions parsed so far in this chunk.</summary>
    public int CachedTemplates => _templateRoots.Count;

    private void ResetTemplates()
    {
        _templates.Reset();
        _templateRoots.Clear();
        _templateFailures.Clear();
    }

    // Token 0x0c: unknown byte, template id, definition offset; the definition itself when it is stored here for
    // the first time; then the substitution array (count, descriptors of size and type, values).
    private void ReadTemplateInstance(ref ChunkCursor c, int parent, int fragmentDepth)
    {
        c.Skip(1 + 4);
        var definition = c.ReadUInt32();
        if (definition == (uint)c.Position)
        {
            c.Skip(4 + 16);
            var size = c.ReadUInt32();
            c.Skip(size);
        }

        var count = c.ReadUInt32();
        if (count > (uint)(c.End - c.Position) / 4)
            throw new EvtxFormatException($"template instance claims {count} substitution values, more than its record holds");
        var start = _values.Count;
        var descriptors = c.Position;
        c.Skip(4 * count);
        var chunk = Chunk;
        for (var i = 0; i < count; i++)
        {
            var size = BinaryPrimitives.ReadUInt16LittleEndian(chunk[(descriptors + (4 * i))..]);
            var type = chunk[descriptors + (4 * i) + 2];
            if (!BinXmlValueType.IsKnown(type))
                throw new EvtxFormatException($"unknown value type 0x{type:x2} for substitution {i}");
            _values.Add(new SubstitutionValue(type, c.Position, size));
            c.Skip(size);
        }

        var root = Template((int)definition);
        for (var n = _templates[root].FirstChild; n >= 0; n = _templates[n].Next)
            Clone(n, parent, start, (int)count, fragmentDepth);
        _values.RemoveRange(start, (int)count);
    }

    // The parsed definition at a chunk offset, parsing it on first use.
    private int Template(int offset)
    {
        if (_templateRoots.TryGetValue(offset, out var root))
            return root;
        if (_templateFailures.TryGetValue(offset, out var failure))
            throw new EvtxFormatException(failure);

        var mark = _templates.Count;
        try
        {
            var chunk = Chunk;
            if (offset < 0 || offset > chunk.Length - TemplateHeaderSize)
                throw new EvtxFormatException($"template definition offset {offset} outside the chunk");
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(offset + 20)..]);
            var start = offset + TemplateHeaderSize;
            if (size > (uint)(chunk.Length - start))
                throw new EvtxFormatException($"template definition at chunk offset {offset} claims {size} bytes, past the chunk end");
            root = _templates.Add(XmlNode.Create(XmlNodeKind.Element));
            var cursor = new ChunkCursor(chunk, start, start + (int)size);
            ParseFragment(ref cursor, _templates, root, templateDefinition: true, fragmentDepth: 0);
            _templateRoots.Add(offset, root);
            return root;
        }
        catch (EvtxFormatException e)
        {
            _templates.Truncate(mark);
            var message = $"template definition at chunk offset {offset}: {e.Message}";
            _templateFailures[offset] = message;
            throw new EvtxFormatException(message);
        }
    }

    private void Clone(int node, int parent, int valuesStart, int valuesCount, int fragmentDepth)
    {
        ref readonly var t = ref _templates[node];
        switch (t.Kind)
        {
            case XmlNodeKind.Element:
                CloneElementPerArrayItem(node, parent, valuesStart, valuesCount, fragmentDepth);
                break;
            case XmlNodeKind.Placeholder:
                Resolve(node, parent, inAttribute: false, valuesStart, valuesCount, fragmentDepth);
                break;
            default:
                var copy = t;
                copy.Next = copy.FirstChild = copy.LastChild = copy.FirstAttribute = copy.LastAttribute = -1;
                _record.AddChild(parent, copy);
                break;
        }
    }

    // An array value (of more than one item) directly in an element's content or attributes repeats the element
    // once per item (MS-EVEN6 array types; evtx_dump does the same, taking arrays in content order, then attribute
    // order, and expanding several arrays as a cross product). Real events hold one array per element; past
    // MaxArraysPerElement the rest are written joined, so a crafted element cannot make the product explode (the
    // record's node budget bounds what is left).
    private void CloneElementPerArrayItem(int element, int parent, int valuesStart, int valuesCount, int fragmentDepth, int expanded = 0)
    {
        var array = expanded < MaxArraysPerElement ? FindExpandableArray(element, valuesStart, valuesCount) : -1;
        if (array < 0)
        {
            CloneElement(element, parent, valuesStart, valuesCount, fragmentDepth);
            return;
        }
        var value = _values[valuesStart + _templates[array].DataStart];
        var first = _items.Count;
        BinXmlValues.TrySplitArray(Chunk, value.Type, value.Offset, value.Length, _items);
        var last = _items.Count;
        for (var i = first; i < last; i++)
        {
            _overrides.Add(new Override(valuesStart, array, _items[i].Offset, _items[i].Length));
            CloneElementPerArrayItem(element, parent, valuesStart, valuesCount, fragmentDepth, expanded + 1);
            _overrides.RemoveAt(_overrides.Count - 1);
        }
        _items.RemoveRange(first, last - first);
    }

    private int FindExpandableArray(int element, int valuesStart, int valuesCount)
    {
        ref readonly var e = ref _templates[element];
        for (var n = e.FirstChild; n >= 0; n = _templates[n].Next)
        {
            if (IsExpandableArray(n, valuesStart, valuesCount))
                return n;
        }
        for (var a = e.FirstAttribute; a >= 0; a = _templates[a].Next)
        {
            for (var n = _templates[a].FirstChild; n >= 0; n = _templates[n].Next)
            {
                if (IsExpandableArray(n, valuesStart, valuesCount))
                    return n;
            }
        }
        return -1;
    }

    private bool IsExpandableArray(int node, int valuesStart, int valuesCount)
    {
        ref readonly var t = ref _templates[node];
        if (t.Kind != XmlNodeKind.Placeholder || t.DataStart >= valuesCount || FindOverride(valuesStart, node) >= 0)
            return false;
        var value = _values[valuesStart + t.DataStart];
        if (!BinXmlValueType.IsArray(value.Type))
            return false;
        var first = _items.Count;
        var split = BinXmlValues.TrySplitArray(Chunk, value.Type, value.Offset, value.Length, _items);
        var items = _items.Count - first;
        _items.RemoveRange(first, items);
        return split && items > 1;
    }

    private void CloneElement(int element, int parent, int valuesStart, int valuesCount, int fragmentDepth)
    {
        ref readonly var t = ref _templates[element];
        var copy = XmlNode.Create(XmlNodeKind.Element);
        copy.NameStart = t.NameStart;
        copy.NameLength = t.NameLength;
        var e = _record.AddChild(parent, copy);

        for (var a = t.FirstAttribute; a >= 0; a = _templates[a].Next)
        {
            var attribute = XmlNode.Create(XmlNodeKind.Attribute);
            attribute.NameStart = _templates[a].NameStart;
            attribute.NameLength = _templates[a].NameLength;
            var ra = _record.AddAttribute(e, attribute);
            for (var n = _templates[a].FirstChild; n >= 0; n = _templates[n].Next)
            {
                if (_templates[n].Kind == XmlNodeKind.Placeholder)
                {
                    Resolve(n, ra, inAttribute: true, valuesStart, valuesCount, fragmentDepth);
                }
                else
                {
                    var value = _templates[n];
                    value.Next = -1;
                    _record.AddChild(ra, value);
                }
            }
        }

        for (var n = t.FirstChild; n >= 0; n = _templates[n].Next)
            Clone(n, e, valuesStart, valuesCount, fragmentDepth);
    }

    // A placeholder becomes its substitution value: nothing when it is optional and empty, a fragment of elements
    // when it holds binary XML, one item when its element is being repeated per array item, else a value node.
    private void Resolve(int placeholder, int parent, bool inAttribute, int valuesStart, int valuesCount, int fragmentDepth)
    {
        ref readonly var t = ref _templates[placeholder];
        if (t.DataStart >= valuesCount)
            return;
        var value = _values[valuesStart + t.DataStart];
        var chunk = Chunk;
        if (t.Optional && BinXmlValues.IsEmpty(chunk, value.Type, value.Offset, value.Length))
            return;

        var node = XmlNode.Create(XmlNodeKind.Value);
        var pinned = FindOverride(valuesStart, placeholder);
        if (pinned >= 0)
        {
            var item = _overrides[pinned];
            node.ValueType = (byte)(value.Type & ~BinXmlValueType.ArrayFlag);
            if (node.ValueType == BinXmlValueType.String)
            {
                // A string item is text as it stands (not trimmed as a substitution string is); an empty one
                // leaves its copy of the element empty.
                if (item.ItemLength == 0)
                    return;
                node.Kind = XmlNodeKind.Text;
            }
            node.DataStart = item.ItemOffset;
            node.DataLength = item.ItemLength;
            _record.AddChild(parent, node);
            return;
        }

        switch (value.Type)
        {
            case BinXmlValueType.BinXml:
                if (value.Length == 0)
                    return;
                if (inAttribute)
                    throw new EvtxFormatException("nested binary XML inside an attribute value");
                if (fragmentDepth >= MaxFragmentDepth)
                    throw new EvtxFormatException($"binary XML nested deeper than {MaxFragmentDepth} fragments");
                var cursor = new ChunkCursor(chunk, value.Offset, value.Offset + value.Length);
                ParseFragment(ref cursor, _record, parent, templateDefinition: false, fragmentDepth + 1);
                return;
            case BinXmlValueType.EvtHandle or BinXmlValueType.EvtXml:
                throw new EvtxFormatException($"substitution of type {BinXmlValueType.Name(value.Type)} is not supported");
        }
        node.ValueType = value.Type;
        node.DataStart = value.Offset;
        node.DataLength = value.Length;
        _record.AddChild(parent, node);
    }

    private int FindOverride(int valuesStart, int placeholder)
    {
        for (var i = _overrides.Count - 1; i >= 0; i--)
        {
            if (_overrides[i].Placeholder == placeholder && _overrides[i].ValuesStart == valuesStart)
                return i;
        }
        return -1;
    }
}
