namespace Parry.Ingest.Evtx.BinXml;

/// <summary>
/// One node of a parsed binary XML tree, stored in a flat array (<see cref="XmlTree"/>): children and attributes
/// are singly linked lists of indices. Names, text and values are byte ranges of the chunk, so a node holds no
/// reference and a tree costs one array however many records reuse it.
/// </summary>
internal struct XmlNode
{
    public XmlNodeKind Kind;

    /// <summary>Value and placeholder: the value type.</summary>
    public byte ValueType;

    /// <summary>Placeholder: an optional substitution (omitted when its value is empty).</summary>
    public bool Optional;

    /// <summary>Element: one of its children is an element.</summary>
    public bool HasElementChild;

    /// <summary>Next sibling (or next attribute, or next node of an attribute's value); -1 at the end.</summary>
    public int Next;

    /// <summary>Element: first content node. Attribute: first value node.</summary>
    public int FirstChild;

    public int LastChild;

    /// <summary>Element: first attribute.</summary>
    public int FirstAttribute;

    public int LastAttribute;

    /// <summary>Element, attribute, entity reference: byte offset of the name's UTF-16 characters in the chunk.</summary>
    public int NameStart;

    /// <summary>Length of the name in characters.</summary>
    public int NameLength;

    /// <summary>Text, value, CDATA: byte offset in the chunk. Placeholder: the substitution index. Character
    /// reference: the character.</summary>
    public int DataStart;

    /// <summary>Text, value, CDATA: length in bytes.</summary>
    public int DataLength;

    public static XmlNode Create(XmlNodeKind kind) => new()
    {
        Kind = kind, Next = -1, FirstChild = -1, LastChild = -1, FirstAttribute = -1, LastAttribute = -1,
    };
}
