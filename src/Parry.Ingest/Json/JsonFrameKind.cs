namespace Parry.Ingest.Json;

/// <summary>What <see cref="JsonRecordFramer.Next"/> found.</summary>
internal enum JsonFrameKind
{
    /// <summary>The bytes of one object, from its opening brace; <see cref="JsonRecordFramer.Problem"/> says when it
    /// was cut short (a string broken by a line end, a new object starting before it closed, the end of the file).</summary>
    Record,

    /// <summary>An object larger than the record limit, skipped without being held.</summary>
    Oversize,

    /// <summary>Text between records that is not JSON, up to the next line that starts an object.</summary>
    Garbage,

    /// <summary>An item of an array of records that is not an object.</summary>
    NotObject,

    End,
}
