using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Formats;

/// <summary>
/// Picks the format of each file from its content and name: reads up to <see cref="HeadBytes"/> of the decompressed
/// start, asks every registered <see cref="IInputFormat.Probe"/>, and takes the highest score (ties go to the format
/// registered first). A file that no format claims is reported as an <see cref="InputError"/> and skipped.
/// </summary>
/// <remarks>
/// The set of formats is open: callers register theirs in the order they want ties broken. Scores used by the
/// built-in formats, so that others can place theirs: generic JSON 40 (15 when the start is not valid JSON), JSON
/// flavours recognised by their fields (Zeek, cowrie, CloudTrail) 70–75, syslog 55, web access logs 60, Zeek TSV 95.
/// A format that recognises specific JSON content (agent traces) should score above 40; a magic number 100.
/// </remarks>
public sealed class FormatDetector
{
    /// <summary>How much of a file's decompressed start the probes see.</summary>
    public const int HeadBytes = 64 * 1024;

    private readonly IInputFormat[] _formats;

    public FormatDetector(IEnumerable<IInputFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        _formats = [.. formats];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var format in _formats)
        {
            if (!names.Add(format.Name))
                throw new ArgumentException($"Two input formats are named '{format.Name}'.", nameof(formats));
        }
    }

    /// <summary>The registered formats in registration (tie-break) order.</summary>
    public IReadOnlyList<IInputFormat> Formats => _formats;

    /// <summary>The format with this name (case-insensitive), for forcing one; null when none is registered.</summary>
    public IInputFormat? Find(string name) =>
        Array.Find(_formats, f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Scores a head against every format.</summary>
    public FormatDetection Detect(ReadOnlySpan<byte> head, string fileName)
    {
        IInputFormat? best = null;
        var bestScore = 0;
        foreach (var format in _formats)
        {
            var score = format.Probe(head, fileName);
            if (score > bestScore)
            {
                best = format;
                bestScore = score;
            }
        }
        return new FormatDetection(best, bestScore);
    }

    /// <summary>Opens a source, reads its head and scores it. Errors opening or reading it propagate.</summary>
    public FormatDetection Detect(InputSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var stream = source.Open();
        var head = new byte[HeadBytes];
        var length = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        return Detect(head.AsSpan(0, length), source.FileName);
    }

    /// <summary>Decodes every source with its detected format, or with <paramref name="forced"/> for all of them.</summary>
    public IEnumerable<Event> ReadAll(IEnumerable<InputSource> sources, DecodeContext context, IInputFormat? forced = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            foreach (var @event in Read(source, context, forced))
                yield return @event;
        }
    }

    /// <summary>
    /// Detects the format of one source (unless <paramref name="forced"/>) and decodes it. The file is opened once:
    /// the decoder reads the head the probes saw and then the rest. A file no format claims, or one that fails to
    /// read part way (a truncated gzip member, an I/O error), is reported and the sequence ends for that file.
    /// </summary>
    public IEnumerable<Event> Read(InputSource source, DecodeContext context, IInputFormat? forced = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var opened = OpenForDecoding(source, context.Errors, forced);
        if (opened is not var (format, replay))
            yield break;
        using var unread = replay;
        foreach (var @event in UntilReadFails(format.Read(replay.Source, context), source, format, context.Errors))
            yield return @event;
    }

    /// <summary>
    /// Detects the format of one source (unless <paramref name="forced"/>) and decodes it in blocks, with
    /// <paramref name="work"/> run on each (see <see cref="IEventReader.ReadBlocks"/>): where the format decodes, for an
    /// <see cref="IBlockFormat"/>, else on blocks of <paramref name="eventsPerBlock"/> events in a window of
    /// <see cref="DecodeContext.MaxDegreeOfParallelism"/> pool threads. Read failures end the file as in
    /// <see cref="Read"/>.
    /// </summary>
    public IEnumerable<T> ReadBlocks<T>(
        InputSource source, DecodeContext context, int eventsPerBlock, Func<IReadOnlyList<Event>, T> work, IInputFormat? forced = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        var opened = OpenForDecoding(source, context.Errors, forced);
        if (opened is not var (format, replay))
            yield break;
        using var unread = replay;
        var blocks = format is IBlockFormat blockFormat
            ? blockFormat.ReadBlocks(replay.Source, context, work)
            : BlockWindow.Run(format.Read(replay.Source, context), eventsPerBlock, context.MaxDegreeOfParallelism, work, context.Cancellation);
        foreach (var block in UntilReadFails(blocks, source, format, context.Errors))
            yield return block;
    }

    // The items of a decoding until a read fails part way (a truncated gzip member, an I/O error): the failure is
    // reported for the source and the sequence ends there.
    private static IEnumerable<T> UntilReadFails<T>(IEnumerable<T> items, InputSource source, IInputFormat format, IInputErrorSink errors)
    {
        using var enumerator = items.GetEnumerator();
        while (true)
        {
            T current;
            try
            {
                if (!enumerator.MoveNext())
                    break;
                current = enumerator.Current;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                errors.Report(new InputError(source.DisplayPath, null, $"read failed ({format.Name}): {e.Message}"));
                yield break;
            }
            yield return current;
        }
    }

    /// <summary>This detector as an <see cref="IEventReader"/>, every source read with <paramref name="forced"/> when
    /// given.</summary>
    public IEventReader Reader(IInputFormat? forced = null) => new DetectingReader(this, forced);

    private (IInputFormat Format, HeadReplay Replay)? OpenForDecoding(InputSource source, IInputErrorSink errors, IInputFormat? forced)
    {
        Stream? stream = null;
        try
        {
            stream = source.Open();
            var head = new byte[HeadBytes];
            var length = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
            var format = forced;
            if (format is null)
            {
                var detection = Detect(head.AsSpan(0, length), source.FileName);
                if (detection.Format is null)
                {
                    stream.Dispose();
                    errors.Report(new InputError(source.DisplayPath, null, $"unrecognised format: {Describe(head.AsSpan(0, length))}; skipped"));
                    return null;
                }
                format = detection.Format;
            }
            var replay = new HeadReplay(source, new ReplayStream(head, length, stream));
            stream = null;
            return (format, replay);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            errors.Report(new InputError(source.DisplayPath, null, $"cannot read: {e.Message}"));
            return null;
        }
    }

    // A short, printable description of what the file starts with, for the error message.
    private static string Describe(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
            return "the file is empty";
        var sample = head[..Math.Min(head.Length, 24)];
        var printable = true;
        foreach (var b in sample)
            printable &= b is >= 0x20 and < 0x7f or (byte)'\t' or (byte)'\r' or (byte)'\n';
        return printable
            ? $"starts with \"{System.Text.Encoding.ASCII.GetString(sample).ReplaceLineEndings(" ")}\""
            : $"starts with bytes {Convert.ToHexString(sample[..Math.Min(sample.Length, 8)])}";
    }
}
