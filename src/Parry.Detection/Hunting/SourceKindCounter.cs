using System.Collections.Concurrent;
using Parry.Core.Events;

namespace Parry.Detection.Hunting;

/// <summary>Counts one file's events by source kind for the summary: a run of the same kind is counted locally and
/// added to the shared totals when the kind changes or the file ends.</summary>
internal sealed class SourceKindCounter(ConcurrentDictionary<string, long> totals)
{
    private string? _kind;
    private long _count;

    public void Add(Event e)
    {
        if (!ReferenceEquals(_kind, e.SourceKind))
        {
            Flush();
            _kind = e.SourceKind;
        }
        _count++;
    }

    public void Flush()
    {
        if (_kind is not null && _count > 0)
        {
            var count = _count;
            totals.AddOrUpdate(_kind, count, (_, v) => v + count);
        }
        _count = 0;
    }
}
