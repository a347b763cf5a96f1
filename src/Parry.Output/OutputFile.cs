namespace Parry.Output;

/// <summary>Where a command writes its report when told to write a file.</summary>
public static class OutputFile
{
    /// <summary>Creates (or truncates) <paramref name="path"/> for writing while letting others read it, so a
    /// responder can follow a long hunt's detections as they are written (<c>tail -f</c>, or a reader that asks for
    /// shared access); jsonl lines reach it in blocks of <see cref="Json.JsonLinesWriter.BlockSize"/> bytes.</summary>
    public static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.Read);
}
