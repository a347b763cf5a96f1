using System.Runtime.InteropServices;
using Parry.Core.Events;
using Parry.Ingest.Evtx.BinXml;

namespace Parry.Ingest.Evtx.Rendering;

/// <summary>
/// Writes a record's XML tree into an <see cref="EventBuilder"/> in evtx_dump's JSON shape, so rules and field
/// names written against evtx_dump output work unchanged:
/// <list type="bullet">
/// <item>an element with only text is its value; one integer or boolean value is a number or boolean, anything
/// else a string; an element with nothing is <c>null</c>;</item>
/// <item>an element with attributes (that have text) or child elements is an object: <c>#attributes</c>, then its
/// text as <c>#text</c>, then its children; a repeated child name gets <c>_1</c>, <c>_2</c>… suffixes;</item>
/// <item>inside <c>EventData</c> and <c>UserData</c>, <c>Data</c> elements with a <c>Name</c> become
/// <c>"name": value</c> (an empty one <c>""</c>), and unnamed ones become <c>"Data": {"#text": value or [values]}</c>.</item>
/// </list>
/// </summary>
internal sealed class EvtxEventWriter(EventBuilder builder, int maxTextChars)
{
    private const int MaxUniqueNames = 64;
    private const int MaxDepth = 256;

    private readonly CharBuffer _text = new(maxTextChars);
    private readonly CharBuffer _repaired = new(maxTextChars);
    private readonly List<(int NameStart, int NameLength, int Count)> _names = [];
    private XmlTree _tree = null!;
    private byte[] _chunk = [];

    /// <summary>System/TimeCreated/@SystemTime of the last record written, when it holds a valid time.</summary>
    public DateTimeOffset? TimeCreated { get; private set; }

    /// <summary>System/EventRecordID of the last record written, when it holds an integer.</summary>
    public long? EventRecordId { get; private set; }

    public void Write(XmlTree tree, byte[] chunk)
    {
        _tree = tree;
        _chunk = chunk;
        _names.Clear();
        TimeCreated = null;
        EventRecordId = null;
        var root = tree[0].FirstChild;
        while (root >= 0 && tree[root].Kind != XmlNodeKind.Element)
            root = tree[root].Next;
        if (root < 0)
            throw new EvtxFormatException("record holds no XML element");

        builder.StartObject();
        WriteName(Name(root));
        WriteElementValue(root, dataContainer: false, depth: 0);
        builder.EndObject();
    }

    private void WriteString(ReadOnlySpan<char> text) => builder.String(Repaired(text));

    private void WriteName(ReadOnlySpan<char> name) => builder.PropertyName(Repaired(name));

    private ReadOnlySpan<char> Repaired(ReadOnlySpan<char> text)
    {
        if (!Utf16Repair.IsNeeded(text))
            return text;
        _repaired.Clear();
        Utf16Repair.AppendRepaired(text, _repaired);
        return _repaired.Span;
    }

    private ReadOnlySpan<char> Name(int node)
    {
        ref readonly var n = ref _tree[node];
        return MemoryMarshal.Cast<byte, char>(_chunk.AsSpan(n.NameStart, 2 * n.NameLength));
    }

    private ReadOnlySpan<byte> Data(in XmlNode n) => _chunk.AsSpan(n.DataStart, n.DataLength);

    private void WriteElementValue(int element, bool dataContainer, int depth)
    {
        ref readonly var e = ref _tree[element];
        var hasText = HasText(e.FirstChild);
        var attributesHaveText = AnyAttributeHasText(e.FirstAttribute);
        if (!e.HasElementChild && !hasText && !attributesHaveText)
            builder.Null();
        else if (!e.HasElementChild && !attributesHaveText)
            WriteContent(e.FirstChild);
        else
            WriteElementBody(element, dataContainer, depth);
    }

    private void WriteElementBody(int element, bool dataContainer, int depth)
    {
        if (depth >= MaxDepth)
            throw new EvtxFormatException($"elements nested deeper than {MaxDepth}");
        ref readonly var e = ref _tree[element];
        builder.StartObject();

        if (AnyAttributeHasText(e.FirstAttribute))
            WriteAttributes(element);
        if (HasText(e.FirstChild))
        {
            builder.PropertyName("#text");
            WriteContentSkippingElements(e.FirstChild);
        }

        var flattenNamedData = dataContainer && AnyNamedData(element);
        var positionalData = dataContainer && !flattenNamedData ? CountData(element) : 0;
        var positionalWritten = false;
        var namesBase = _names.Count;

        for (var child = e.FirstChild; child >= 0; child = _tree[child].Next)
        {
            if (_tree[child].Kind != XmlNodeKind.Element)
                continue;
            var name = Name(child);
            if (dataContainer && name.SequenceEqual("Data"))
            {
                if (flattenNamedData)
                {
                    var nameAttribute = FindAttribute(child, "Name");
                    if (nameAttribute < 0 || !HasText(_tree[nameAttribute].FirstChild))
                        continue;
                    _text.Clear();
                    AppendText(_tree[nameAttribute].FirstChild);
                    WriteName(_text.Span);
                    WriteDataElementValue(child, depth);
                }
                else if (!positionalWritten && positionalData > 0)
                {
                    positionalWritten = true;
                    WritePositionalData(element, child, positionalData, depth);
                }
                continue;
            }

            WriteChildName(child, namesBase);
            if (EventRecordId is null && name.SequenceEqual("EventRecordID"))
                EventRecordId = ReadInteger(_tree[child].FirstChild);
            WriteElementValue(child, name.SequenceEqual("EventData") || name.SequenceEqual("UserData"), depth + 1);
        }

        _names.RemoveRange(namesBase, _names.Count - namesBase);
        builder.EndObject();
    }

    // "Data": {"#text": value} for one unnamed Data element, {"#text": [values]} for several.
    private void WritePositionalData(int container, int first, int count, int depth)
    {
        builder.PropertyName("Data");
        builder.StartObject();
        builder.PropertyName("#text");
        if (count == 1)
        {
            WriteDataElementValue(first, depth);
        }
        else
        {
            builder.StartArray();
            for (var d = _tree[container].FirstChild; d >= 0; d = _tree[d].Next)
            {
                if (_tree[d].Kind == XmlNodeKind.Element && Name(d).SequenceEqual("Data"))
                    WriteDataElementValue(d, depth);
            }
            builder.EndArray();
        }
        builder.EndObject();
    }

    private void WriteDataElementValue(int data, int depth)
    {
        ref readonly var d = ref _tree[data];
        if (d.HasElementChild)
            WriteElementBody(data, dataContainer: false, depth + 1);
        else if (!HasText(d.FirstChild))
            builder.String([]);
        else
            WriteContent(d.FirstChild);
    }

    // The child's name, with _1, _2 … on its second, third … occurrence among its siblings.
    private void WriteChildName(int child, int namesBase)
    {
        ref readonly var c = ref _tree[child];
        var name = Name(child);
        var suffix = 0;
        var found = false;
        for (var i = namesBase; i < _names.Count; i++)
        {
            var (start, length, count) = _names[i];
            if (length == c.NameLength && (start == c.NameStart
                || MemoryMarshal.Cast<byte, char>(_chunk.AsSpan(start, 2 * length)).SequenceEqual(name)))
            {
                suffix = count;
                _names[i] = (start, length, count + 1);
                found = true;
                break;
            }
        }
        if (!found && _names.Count - namesBase < MaxUniqueNames)
            _names.Add((c.NameStart, c.NameLength, 1));

        if (suffix == 0)
        {
            WriteName(name);
            return;
        }
        _text.Clear();
        _text.Append(name);
        _text.Append('_');
        ValueText.AppendInteger(_text, (long)suffix);
        WriteName(_text.Span);
    }

    private void WriteAttributes(int element)
    {
        var timeCreated = Name(element).SequenceEqual("TimeCreated");
        builder.PropertyName("#attributes");
        builder.StartObject();
        for (var a = _tree[element].FirstAttribute; a >= 0; a = _tree[a].Next)
        {
            ref readonly var attribute = ref _tree[a];
            if (!HasText(attribute.FirstChild))
                continue;
            WriteName(Name(a));
            WriteContent(attribute.FirstChild);
            if (timeCreated && TimeCreated is null && Name(a).SequenceEqual("SystemTime"))
                TimeCreated = ReadTime(attribute.FirstChild);
        }
        builder.EndObject();
    }

    private long? ReadInteger(int first)
    {
        if (first < 0)
            return null;
        ref readonly var n = ref _tree[first];
        if (n.Kind != XmlNodeKind.Value || n.Next >= 0 || !BinXmlValueType.IsInteger(n.ValueType))
            return null;
        return BinXmlValueType.IsSigned(n.ValueType)
            ? ValueText.ReadSigned(Data(n), n.ValueType)
            : (long)ValueText.ReadUnsigned(Data(n), n.ValueType);
    }

    private DateTimeOffset? ReadTime(int first)
    {
        ref readonly var n = ref _tree[first];
        return n.Kind == XmlNodeKind.Value && n.Next < 0 ? ValueText.ReadTime(Data(n), n.ValueType) : null;
    }

    // An element's or attribute's content as one value: a number or boolean when it is exactly one such value
    // node, otherwise the text of all nodes joined.
    private void WriteContent(int first)
    {
        ref readonly var n = ref _tree[first];
        if (n.Next < 0)
        {
            if (n.Kind == XmlNodeKind.Value && TryWriteNumber(n))
                return;
            if (n.Kind == XmlNodeKind.Text || (n.Kind == XmlNodeKind.Value && n.ValueType == BinXmlValueType.String))
            {
                var bytes = Data(n);
                if (n.Kind == XmlNodeKind.Value)
                    bytes = bytes[..BinXmlValues.SubstitutionStringLength(bytes)];
                WriteString(MemoryMarshal.Cast<byte, char>(bytes)); // straight from the chunk, no copy
                return;
            }
        }
        _text.Clear();
        AppendText(first);
        WriteString(_text.Span);
    }

    // #text of an element that also has child elements: the same, ignoring the elements and empty values.
    private void WriteContentSkippingElements(int first)
    {
        var single = -1;
        var plain = true;
        for (var i = first; i >= 0 && plain; i = _tree[i].Next)
        {
            ref readonly var n = ref _tree[i];
            switch (n.Kind)
            {
                case XmlNodeKind.Text or XmlNodeKind.CData:
                    plain = n.DataLength == 0;
                    break;
                case XmlNodeKind.Value when !BinXmlValues.IsEmpty(_chunk, n.ValueType, n.DataStart, n.DataLength):
                    plain = single < 0;
                    single = i;
                    break;
                case XmlNodeKind.CharRef or XmlNodeKind.EntityRef:
                    plain = false;
                    break;
            }
        }
        if (plain && single >= 0 && TryWriteNumber(_tree[single]))
            return;
        _text.Clear();
        AppendText(first);
        WriteString(_text.Span);
    }

    private bool TryWriteNumber(in XmlNode n)
    {
        var type = n.ValueType;
        if (!ValueText.IsNumber(type))
            return false;
        var bytes = Data(n);
        if (type == BinXmlValueType.Bool)
            builder.Boolean(ValueText.ReadBool(bytes));
        else if (BinXmlValueType.IsSigned(type))
            builder.Integer(ValueText.ReadSigned(bytes, type));
        else
            builder.UnsignedInteger(ValueText.ReadUnsigned(bytes, type));
        return true;
    }

    // Text of a node list: text and CDATA as written, values rendered, references as &#N; and &name;.
    private void AppendText(int first)
    {
        for (var i = first; i >= 0; i = _tree[i].Next)
        {
            ref readonly var n = ref _tree[i];
            switch (n.Kind)
            {
                case XmlNodeKind.Text or XmlNodeKind.CData:
                    _text.AppendUtf16(Data(n));
                    break;
                case XmlNodeKind.Value:
                    ValueText.Append(_text, _chunk, n.ValueType, n.DataStart, n.DataLength);
                    break;
                case XmlNodeKind.CharRef:
                    _text.Append("&#");
                    ValueText.AppendInteger(_text, (long)n.DataStart);
                    _text.Append(';');
                    break;
                case XmlNodeKind.EntityRef:
                    _text.Append('&');
                    _text.Append(Name(i));
                    _text.Append(';');
                    break;
            }
        }
    }

    private bool HasText(int first)
    {
        for (var i = first; i >= 0; i = _tree[i].Next)
        {
            ref readonly var n = ref _tree[i];
            switch (n.Kind)
            {
                case XmlNodeKind.Text or XmlNodeKind.CData when n.DataLength > 0:
                case XmlNodeKind.CharRef or XmlNodeKind.EntityRef:
                    return true;
                case XmlNodeKind.Value when !BinXmlValues.IsEmpty(_chunk, n.ValueType, n.DataStart, n.DataLength):
                    return true;
            }
        }
        return false;
    }

    private bool AnyAttributeHasText(int first)
    {
        for (var a = first; a >= 0; a = _tree[a].Next)
        {
            if (HasText(_tree[a].FirstChild))
                return true;
        }
        return false;
    }

    // Whether EventData/UserData holds a Data element whose Name attribute has text: then it is flattened.
    private bool AnyNamedData(int container)
    {
        for (var c = _tree[container].FirstChild; c >= 0; c = _tree[c].Next)
        {
            if (_tree[c].Kind != XmlNodeKind.Element || !Name(c).SequenceEqual("Data"))
                continue;
            var nameAttribute = FindAttribute(c, "Name");
            if (nameAttribute >= 0 && HasText(_tree[nameAttribute].FirstChild))
                return true;
        }
        return false;
    }

    private int CountData(int container)
    {
        var count = 0;
        for (var c = _tree[container].FirstChild; c >= 0; c = _tree[c].Next)
        {
            if (_tree[c].Kind == XmlNodeKind.Element && Name(c).SequenceEqual("Data"))
                count++;
        }
        return count;
    }

    private int FindAttribute(int element, ReadOnlySpan<char> name)
    {
        for (var a = _tree[element].FirstAttribute; a >= 0; a = _tree[a].Next)
        {
            if (Name(a).SequenceEqual(name))
                return a;
        }
        return -1;
    }
}
