using System.Collections.Frozen;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// The literals indexed for one field, split by anchor so each costs least: whole values by one hash lookup,
/// prefixes and suffixes by a trie walk from the value's start or end, and only unanchored literals by an
/// Aho–Corasick scan of the whole value. Immutable.
/// </summary>
internal sealed class FieldLiteralIndex(
    FrozenDictionary<string, LiteralHit[]>? exact, LiteralTrie? prefixes, LiteralTrie? suffixes, LiteralAutomaton? anywhere,
    int shortestAnywhere)
{
    private readonly FrozenDictionary<string, LiteralHit[]>.AlternateLookup<ReadOnlySpan<char>> _exact =
        (exact ?? FrozenDictionary<string, LiteralHit[]>.Empty).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly bool _hasExact = exact is { Count: > 0 };

    public void Mark(ReadOnlySpan<char> folded, CandidateMarks marks)
    {
        if (_hasExact && _exact.TryGetValue(folded, out var hits))
            marks.Mark(hits);
        prefixes?.WalkForward(folded, marks);
        suffixes?.WalkBackward(folded, marks);
        // A value shorter than every unanchored literal cannot hold one (many values are short: ids, levels, flags).
        if (folded.Length >= shortestAnywhere)
            anywhere?.Scan(folded, marks);
    }

    public string Describe() =>
        $"exact {(_hasExact ? exact!.Count : 0)}, prefix states {prefixes?.States ?? 0}, suffix states {suffixes?.States ?? 0}, scan states {anywhere?.States ?? 0} ({anywhere?.DenseStates ?? 0} dense × {anywhere?.Classes ?? 0} classes, {(anywhere?.HasShortRows ?? true ? 16 : 32)}-bit)";
}
