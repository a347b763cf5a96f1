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

    private readonly ContentWriter _content = new(builder, maxTextChars);
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
        _content.Bind(tree, chunk);
        _names.Clear();
        TimeCreated = null;
        EventRecordId = null;
        var root = tree[0].FirstChild;
        while (root >= 0 && tree[root].Kind != XmlNodeKind.Element)
            root = tree[root].Next;
        if (root < 0)
            throw new EvtxFormatException("record holds no XML element");

        builder.StartObject();
        _content.WriteName(_content.Name(root));
        WriteElementValue(root, dataContainer: false, depth: 0);
        builder.EndObject();
    }

    private void WriteElementValue(int element, bool dataContainer, int depth)
    {
        ref readonly var e = ref _tree[element];
        var hasText = _content.HasText(e.FirstChild);
        var attributesHaveText = _content.AnyAttributeHasText(e.FirstAttribute);
        if (!e.HasElementChild && !hasText && !attributesHaveText)
            builder.Null();
        else if (!e.HasElementChild && !attributesHaveText)
            _content.WriteContent(e.FirstChild);
        else
            WriteElementBody(element, dataContainer, depth);
    }

    private void WriteElementBody(int element, bool dataContainer, int depth)
    {
        if (depth >= MaxDepth)
            throw new EvtxFormatException($"elements nested deeper than {MaxDepth}");
        ref readonly var e = ref _tree[element];
        builder.StartObject();

        if (_content.AnyAttributeHasText(e.FirstAttribute))
            WriteAttributes(element);
        if (_content.HasText(e.FirstChild))
        {
            builder.PropertyName("#text");
            _content.WriteContentSkippingElements(e.FirstChild);
        }

        var flattenNamedData = dataContainer && AnyNamedData(element);
        var positionalData = dataContainer && !flattenNamedData ? CountData(element) : 0;
        var positionalWritten = false;
        var namesBase = _names.Count;

        for (var child = e.FirstChild; child >= 0; child = _tree[child].Next)
        {
            if (_tree[child].Kind != XmlNodeKind.Element)
                continue;
            var name = _content.Name(child);
            if (dataContainer && name.SequenceEqual("Data"))
            {
                if (flattenNamedData)
                {
                    var nameAttribute = FindAttribute(child, "Name");
                    if (nameAttribute < 0 || !_content.HasText(_tree[nameAttribute].FirstChild))
                        continue;
                    _content.WriteNameFromContent(_tree[nameAttribute].FirstChild);
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
                EventRecordId = _content.ReadInteger(_tree[child].FirstChild);
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
                if (_tree[d].Kind == XmlNodeKind.Element && _content.Name(d).SequenceEqual("Data"))
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
        else if (!_content.HasText(d.FirstChild))
            builder.String([]);
        else
            _content.WriteContent(d.FirstChild);
    }

    // The child's name, with _1, _2 … on its second, third … occurrence among its siblings.
    private void WriteChildName(int child, int namesBase)
    {
        ref readonly var c = ref _tree[child];
        var name = _content.Name(child);
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
            _content.WriteName(name);
            return;
        }
        _content.WriteName(name, suffix);
    }

    private void WriteAttributes(int element)
    {
        var timeCreated = _content.Name(element).SequenceEqual("TimeCreated");
        builder.PropertyName("#attributes");
        builder.StartObject();
        for (var a = _tree[element].FirstAttribute; a >= 0; a = _tree[a].Next)
        {
            ref readonly var attribute = ref _tree[a];
            if (!_content.HasText(attribute.FirstChild))
                continue;
            _content.WriteName(_content.Name(a));
            _content.WriteContent(attribute.FirstChild);
            if (timeCreated && TimeCreated is null && _content.Name(a).SequenceEqual("SystemTime"))
                TimeCreated = _content.ReadTime(attribute.FirstChild);
        }
        builder.EndObject();
    }

    // Whether EventData/UserData holds a Data element whose Name attribute has text: then it is flattened.
    private bool AnyNamedData(int container)
    {
        for (var c = _tree[container].FirstChild; c >= 0; c = _tree[c].Next)
        {
            if (_tree[c].Kind != XmlNodeKind.Element || !_content.Name(c).SequenceEqual("Data"))
                continue;
            var nameAttribute = FindAttribute(c, "Name");
            if (nameAttribute >= 0 && _content.HasText(_tree[nameAttribute].FirstChild))
                return true;
        }
        return false;
    }

    private int CountData(int container)
    {
        var count = 0;
        for (var c = _tree[container].FirstChild; c >= 0; c = _tree[c].Next)
        {
            if (_tree[c].Kind == XmlNodeKind.Element && _content.Name(c).SequenceEqual("Data"))
                count++;
        }
        return count;
    }

    private int FindAttribute(int element, ReadOnlySpan<char> name)
    {
        for (var a = _tree[element].FirstAttribute; a >= 0; a = _tree[a].Next)
        {
            if (_content.Name(a).SequenceEqual(name))
                return a;
        }
        return -1;
    }
}
