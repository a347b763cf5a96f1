using System.Text;
using Parry.Core.Diagnostics;
using Parry.Ingest.Formats;

namespace Parry.Ingest.Text;

/// <summary>What the line-oriented formats (syslog, access logs, Zeek TSV) share around their own line parsers.</summary>
internal static class LineRecords
{
    private const int ProbeLines = 20;

    /// <summary>
    /// Whether most of the first lines of <paramref name="head"/> (at least 60 %, one at the least) are lines
    /// <paramref name="parses"/> accepts. Lines longer than <paramref name="maxChars"/> are not judged; a last line
    /// without its end is judged only when the head is the whole file.
    /// </summary>
    public static bool MostlyParse(ReadOnlySpan<byte> head, int maxChars, Func<ReadOnlySpan<char>, bool> parses)
    {
        var lines = 0;
        var parsed = 0;
        var wholeFile = head.Length < FormatDetector.HeadBytes;
        Span<char> chars = maxChars <= 4096 ? stackalloc char[maxChars] : new char[maxChars];
        while (!head.IsEmpty && lines < ProbeLines)
        {
            var end = head.IndexOf((byte)'\n');
            if (end < 0 && !wholeFile)
                break;
            var line = end < 0 ? head : head[..end];
            head = end < 0 ? [] : head[(end + 1)..];
            if (line.IsEmpty || line.Length > chars.Length)
                continue;
            lines++;
            var n = Encoding.UTF8.GetChars(line, chars);
            if (parses(chars[..n].TrimEnd('\r')))
                parsed++;
        }
        return parsed > 0 && parsed * 10 >= lines * 6;
    }

    /// <summary>
    /// The next non-empty line within the record limit. A longer line is reported with its number (after the run of
    /// bad lines before it) and skipped. False at the end of the stream.
    /// </summary>
    public static bool Next(LineReader lines, LineErrorRun bad, string path, DecodeContext context, out ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var status = lines.Read(out bytes);
            if (status == LineStatus.End)
                return false;
            if (status == LineStatus.TooLong)
            {
                bad.Flush(context.Errors);
                context.Errors.Report(new InputError(path, lines.LineNumber,
                    $"line {lines.LineNumber}: longer than {context.MaxRecordBytes} bytes ({lines.SkippedBytes} bytes), skipped"));
                continue;
            }
            if (!bytes.IsEmpty)
                return true;
        }
    }
}
