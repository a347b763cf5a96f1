using Parry.Core.Actors;
using Parry.Core.Events;

namespace Parry.Ingest.LogSources;

/// <summary>The mapping entries that hold for an event: what the event is, in Sigma's terms. Events of the same
/// shape share one instance.</summary>
public sealed class EntrySet
{
    private readonly (ActorKind Kind, int Field)[] _actorFields;

    internal EntrySet(int[] indices, LogSourceMap map, (ActorKind Kind, int Field)[] actorFields)
    {
        Indices = indices;
        Entries = [.. indices.Select(i => map.Entries[i])];
        _actorFields = actorFields;
    }

    /// <summary>Entry indices into <see cref="LogSourceMap.Entries"/>, ascending.</summary>
    public IReadOnlyList<int> Indices { get; }

    public IReadOnlyList<LogSourceEntry> Entries { get; }

    public bool IsEmpty => Indices.Count == 0;

    /// <summary>The actor keys an event of this set carries, in the order the entries declare them; empty values
    /// and <c>-</c> are not actors.</summary>
    public IReadOnlyList<Actor> ActorsOf(Event e)
    {
        List<Actor>? actors = null;
        foreach (var (kind, field) in _actorFields)
        {
            foreach (var value in e.Values(field))
            {
                var text = value.Text.Trim();
                if (text.IsEmpty || text is "-")
                    continue;
                var actor = new Actor(kind, text.ToString());
                actors ??= [];
                if (!actors.Contains(actor))
                    actors.Add(actor);
            }
        }
        return actors is null ? [] : actors;
    }
}
