namespace Parry.Ingest.Traces.Reading;

/// <summary>What to do with the value of a top-level property.</summary>
internal enum PropertyAction : byte
{
    Skip,
    /// <summary>The value is an array: hand out each element as a document.</summary>
    EachElement,
    /// <summary>Hand out the whole value as one document.</summary>
    Whole,
}
