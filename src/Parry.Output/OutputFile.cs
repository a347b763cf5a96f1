namespace Parry.Output;

/// <summary>Where a command writes its report when told to write a file.</summary>
public static class OutputFile
{
    /// <summary>Creates (or truncates) <paramref name="path"/> for writing while letting others read it, so a
    /// responder can follow a long hunt's detections as they are written (<c>tail -f</c>, or a reader that asks for
    /// shared access).</summary>
    /// <remarks>The 64 KiB buffer matters: the jsonl sink flushes its writer once per line, and a detection line
    /// carrying a whole EVTX event is usually longer than FileStream's default 4 KiB buffer, so each line became a
    /// write system call of its own (66,700 of them for a 1 GB EVTX hunt). A reader following the file sees lines in
    /// 64 KiB steps, and everything once the hunt ends.</remarks>
    public static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);

    /// <summary>The write buffer of report files and of standard output.</summary>
    public const int BufferSize = 1 << 16;
}
