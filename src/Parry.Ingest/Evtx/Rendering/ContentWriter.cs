using System.Runtime.InteropServices;
using Parry.Core.Events;
using Parry.Ingest.Evtx.BinXml;

namespace Parry.Ingest.Evtx.Rendering;

/// <summary>
/// The leaves of a record's tree: names, and the content of an element or attribute (its text, value and reference
/// nodes) written as one JSON value the way evtx_dump writes it. Strings from the chunk go to the builder as spans
/// of the chunk; only values that need formatting or joining pass through scratch text.
/// </summary>
internal sealed class ContentWriter(EventBuilder builder, int maxTextChars)
{
    private readonly CharBuffer _text = new(maxTextChars);
    private readonly CharBuffer _repaired = new(maxTextChars);
    private XmlTree _tree = null!;
    private byte[] _chunk = [];

    public void Bind(XmlTree tree, byte[] chunk)
    {
        _tree = tree;
        _chunk = chunk;
    }

    public ReadOnlySpan<char> Name(int node)
    {
        ref readonly var n = ref _tree[node];
        return MemoryMarshal.Cast<byte, char>(_chunk.AsSpan(n.NameStart, 2 * n.NameLength));
    }

    public void WriteName(ReadOnlySpan<char> name) => builder.PropertyName(Repaired(name));

    /// <summary>A property named by the text of a node list (a Data element's Name attribute).</summary>
    public void WriteNameFromContent(int first)
    {
        _text.Clear();
        AppendText(first);
        WriteName(_text.Span);
    }

    /// <summary>A property named <paramref name="name"/>_<paramref name="suffix"/>.</summary>
    public void WriteName(ReadOnlySpan<char> name, int suffix)
    {
        _text.Clear();
        _text.Append(name);
        _text.Append('_');
        ValueText.AppendInteger(_text, (long)suffix);
        WriteName(_text.Span);
    }

    public long? ReadInteger(int first)
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

    public DateTimeOffset? ReadTime(int first)
    {
        ref readonly var n = ref _tree[first];
        return n.Kind == XmlNodeKind.Value && n.Next < 0 ? ValueText.ReadTime(Data(n), n.ValueType) : null;
    }

    // An element's or attribute's content as one value: a number or boolean when it is exactly one such value
    // node, otherwise the text of all nodes joined.
    public void WriteContent(int first)
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
    public void WriteContentSkippingElements(int first)
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

    public bool HasText(int first)
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

    public bool AnyAttributeHasText(int first)
    {
        for (var a = first; a >= 0; a = _tree[a].Next)
        {
            if (HasText(_tree[a].FirstChild))
                return true;
        }
        return false;
    }

    private void WriteString(ReadOnlySpan<char> text) => builder.String(Repaired(text));

    private ReadOnlySpan<char> Repaired(ReadOnlySpan<char> text)
    {
        if (!Utf16Repair.IsNeeded(text))
            return text;
        _repaired.Clear();
        Utf16Repair.AppendRepaired(text, _repaired);
        return _repaired.Span;
    }

    private ReadOnlySpan<byte> Data(in XmlNode n) => _chunk.AsSpan(n.DataStart, n.DataLength);
}
