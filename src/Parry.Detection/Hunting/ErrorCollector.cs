using Parry.Core.Diagnostics;

namespace Parry.Detection.Hunting;

/// <summary>Collects input errors from every decoder thread: all are counted, the first are kept, and each is
/// passed on to an optional live observer (the CLI prints them to stderr as they happen).</summary>
public sealed class ErrorCollector(int maxKept, Action<InputError>? observer = null) : IInputErrorSink
{
    private readonly Lock _lock = new();
    private readonly List<InputError> _kept = [];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Report(InputError error)
    {
        Interlocked.Increment(ref _count);
        lock (_lock)
        {
            if (_kept.Count < maxKept)
                _kept.Add(error);
        }
        observer?.Invoke(error);
    }

    public IReadOnlyList<InputError> Kept
    {
        get
        {
            lock (_lock)
                return [.. _kept];
        }
    }
}
