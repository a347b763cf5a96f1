namespace Parry.Ingest.Evtx.BinXml;

internal enum XmlNodeKind : byte
{
    /// <summary>An element; index 0 of a tree is an unnamed container for a fragment's top-level nodes.</summary>
    Element,
    Attribute,

    /// <summary>UTF-16 text from a value token.</summary>
    Text,

    /// <summary>A typed value in the chunk: a substitution, an array item, or a non-string value token.</summary>
    Value,
    CharRef,
    EntityRef,
    CData,

    /// <summary>A processing instruction: kept for structure, never rendered.</summary>
    ProcessingInstruction,

    /// <summary>In a template definition: where substitution value <c>Data</c> goes.</summary>
    Placeholder,
}
