namespace Parry.Ingest.Sources;

/// <summary>
/// A source whose first <see cref="InputSource.Open"/> returns the stream the format probes already started reading
/// (its head replayed), so a file is opened and decompressed once; later opens reopen the file. Disposing it closes
/// the first stream if no decoder took it.
/// </summary>
internal sealed class HeadReplay : IDisposable
{
    private Stream? _first;

    public HeadReplay(InputSource source, Stream first)
    {
        _first = first;
        Source = source with { Open = () => Interlocked.Exchange(ref _first, null) ?? source.Open() };
    }

    public InputSource Source { get; }

    public void Dispose() => Interlocked.Exchange(ref _first, null)?.Dispose();
}
