namespace Parry.Core.Events;

/// <summary>The JSON-like kind of one node in an event's field tree.</summary>
public enum ValueKind : byte
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
    Object,
    Array,
}
