using System.Buffers;
using System.Collections.Frozen;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>Collects one field's literals, then sorts them by anchor and builds its <see cref="FieldLiteralIndex"/>
/// (or takes the one a <see cref="LiteralIndexCache"/> already holds for the same literals).</summary>
internal sealed class FieldLiteralIndexBuilder
{
    // Only recorded: the tries and automaton are built in Build, and not at all when a cache already has them.
    private readonly List<(LiteralAnchor Anchor, string Folded, LiteralHit Hit)> _added = [];

    public void Add(RequiredLiteral literal, LiteralHit hit) => _added.Add((literal.Anchor, literal.Folded, hit));

    public FieldLiteralIndex Build(LiteralIndexCache? cache = null) =>
        cache is null ? BuildNew() : cache.GetOrBuild(new LiteralIndexContent([.. _added]), BuildNew);

    /// <summary>
    /// A vectorised search for every literal added, whatever its anchor, or null when there are more than
    /// <see cref="LiteralAutomatonBuilder.MaxGuardedLiterals"/>: for keyword literals, which any value of an event
    /// may hold, one search of the event's whole folded text can tell that no value holds any.
    /// </summary>
    public SearchValues<string>? BuildAnyLiteralSearch()
    {
        var literals = _added.Select(a => a.Folded).Distinct(StringComparer.Ordinal).ToArray();
        return literals.Length is > 0 and <= LiteralAutomatonBuilder.MaxGuardedLiterals
            ? SearchValues.Create(literals, StringComparison.Ordinal)
            : null;
    }

    private FieldLiteralIndex BuildNew()
    {
        var exact = new Dictionary<string, List<LiteralHit>>(StringComparer.Ordinal);
        var prefixes = new LiteralTrieBuilder();
        var suffixes = new LiteralTrieBuilder();
        var anywhere = new LiteralAutomatonBuilder();
        bool hasPrefix = false, hasSuffix = false, hasAnywhere = false;
        var shortestAnywhere = int.MaxValue;
        foreach (var (anchor, folded, hit) in _added)
        {
            switch (anchor)
            {
                case LiteralAnchor.Exact:
                    if (!exact.TryGetValue(folded, out var list))
                        exact[folded] = list = [];
                    if (!list.Contains(hit))
                        list.Add(hit);
                    break;
                case LiteralAnchor.Start:
                    prefixes.Add(folded, hit);
                    hasPrefix = true;
                    break;
                case LiteralAnchor.End:
                    var reversed = folded.ToCharArray();
                    Array.Reverse(reversed);
                    suffixes.Add(new string(reversed), hit);
                    hasSuffix = true;
                    break;
                default:
                    // The automaton spells a short anchor of each literal and checks the rest where it finds one.
                    anywhere.Add(folded, hit);
                    hasAnywhere = true;
                    shortestAnywhere = Math.Min(shortestAnywhere, folded.Length);
                    break;
            }
        }
        return new(
            exact.Count == 0 ? null : exact.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            hasPrefix ? prefixes.Build() : null,
            hasSuffix ? suffixes.Build() : null,
            hasAnywhere ? anywhere.Build() : null,
            shortestAnywhere);
    }
}
