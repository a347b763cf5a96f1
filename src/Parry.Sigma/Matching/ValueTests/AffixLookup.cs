using System.Collections.Frozen;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// Which of many literals a value starts (or ends) with, by one hash lookup of the value's first (last) k
/// characters, k the shortest literal's length, instead of a comparison per literal: SigmaHQ's long
/// <c>Image|endswith</c> lists (55 names in "System File Execution Location Anomaly") cost a string object and a
/// compare each, on every event where the rule is a candidate. Exact: a value that ends with a literal ends with its
/// last k characters, so only that bucket's literals are compared. Immutable; the tests build theirs on first use.
/// </summary>
internal sealed class AffixLookup
{
    /// <summary>Lists shorter than this are compared literal by literal: a few compares cost less than a hash.</summary>
    public const int MinimumLiterals = 6;

    private readonly int _key;
    private readonly bool _atEnd;
    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _buckets;

    private AffixLookup(int key, bool atEnd, FrozenDictionary<string, string[]> buckets)
    {
        _key = key;
        _atEnd = atEnd;
        _buckets = buckets.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether a lookup pays for these literals: not for a few, nor with an empty one (which every value
    /// starts and ends with).</summary>
    public static bool Pays(string[] literals) => literals.Length >= MinimumLiterals && literals.All(l => l.Length > 0);

    public static AffixLookup Create(string[] literals, bool atEnd)
    {
        var key = literals.Min(l => l.Length);
        var buckets = literals
            .GroupBy(l => atEnd ? l[^key..] : l[..key], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return new AffixLookup(key, atEnd, buckets);
    }

    public bool Matches(ReadOnlySpan<char> text)
    {
        if (text.Length < _key || !_buckets.TryGetValue(_atEnd ? text[^_key..] : text[.._key], out var bucket))
            return false;
        foreach (var literal in bucket)
        {
            if (_atEnd ? text.EndsWith(literal) : text.StartsWith(literal))
                return true;
        }
        return false;
    }
}
