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
    /// and <c>-</c> are not actors. Users are normalised (<see cref="ActorNames.User"/>) so one account is one actor
    /// across Windows (<c>CORP\svc-backup</c>), Kerberos (<c>svc-backup@CORP.EXAMPLE</c>) and Linux
    /// (<c>svc-backup</c>) logs; an <c>ip</c> actor must parse as an address (CloudTrail writes service names
    /// there).</summary>
    public IReadOnlyList<Actor> ActorsOf(Event e)
    {
        // Most events name one actor: it is kept aside and a list is made only when a second, different one appears.
        Actor? first = null;
        List<Actor>? actors = null;
        foreach (var (kind, field) in _actorFields)
        {
            foreach (var value in e.Values(field))
            {
                var text = value.Text.Trim();
                if (text.IsEmpty || text is "-")
                    continue;
                if (Normalise(kind, text) is not { } name)
                    continue;
                var actor = new Actor(kind, name);
                if (first is not { } only)
                    first = actor;
                else if (actors is null && actor != only)
                    actors = [only, actor];
                else if (actors is not null && !actors.Contains(actor))
                    actors.Add(actor);
            }
        }
        return actors ?? (first is { } one ? [one] : []);
    }

    // A canonical IPv4 address is its own canonical text: no address object is parsed and printed again for it.
    private static string? Normalise(ActorKind kind, ReadOnlySpan<char> text) =>
        kind == ActorKind.Ip && ActorNames.IsCanonicalIPv4(text) ? text.ToString() : ActorNames.Normalise(kind, text);
}
