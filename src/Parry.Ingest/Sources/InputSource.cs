namespace Parry.Ingest.Sources;

/// <summary>
/// A file to decode: the path to report (as given on the command line joined with the path inside a folder) and a
/// way to open its content, already decompressed when the file is gzip-compressed.
/// </summary>
public sealed record InputSource(string DisplayPath, Func<Stream> Open)
{
    /// <summary>Whether the bytes on disk were gzip-compressed (content from <see cref="Open"/> never is).</summary>
    public bool Compressed { get; init; }

    /// <summary>When the file was last written, if known. Text formats whose timestamps lack a year (RFC 3164
    /// syslog) infer the year from it.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The file name, for format probes that look at extensions.</summary>
    public string FileName => Path.GetFileName(DisplayPath);

    /// <summary>A source over bytes in memory (tests, stdin captured by a caller).</summary>
    public static InputSource FromBytes(string displayPath, byte[] content) =>
        new(displayPath, () => new MemoryStream(content, writable: false));
}
