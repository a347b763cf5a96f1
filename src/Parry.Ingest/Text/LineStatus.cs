namespace Parry.Ingest.Text;

/// <summary>What <see cref="LineReader.Read"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A line, without its line break.</summary>
    Line,

    /// <summary>A line longer than the limit, skipped without being buffered.</summary>
    TooLong,

    /// <summary>The end of the stream.</summary>
    End,
}
