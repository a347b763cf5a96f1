using System.IO.Compression;

namespace Parry.Ingest.Sources;

/// <summary>Recognises gzip by its magic bytes (1f 8b), not by the file name, and opens the content decompressed.</summary>
internal static class GzipContent
{
    public static bool HasMagic(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>Whether the file starts with the gzip magic.</summary>
    public static bool IsGzipFile(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var stream = OpenFile(path);
        return HasMagic(head[..stream.ReadAtLeast(head, 2, throwOnEndOfStream: false)]);
    }

    /// <summary>Opens a file, decompressing it when <paramref name="compressed"/>; concatenated gzip members are
    /// read as one stream.</summary>
    public static Stream Open(string path, bool compressed)
    {
        var file = OpenFile(path);
        return compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: false) : file;
    }

    private static FileStream OpenFile(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
            Options = FileOptions.SequentialScan,
        });
}
