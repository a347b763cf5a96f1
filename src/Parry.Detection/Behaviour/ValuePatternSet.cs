using System.Buffers;

namespace Parry.Detection.Behaviour;

/// <summary>
/// Several <see cref="ValuePattern"/>s tested as one: "does any of them match?". Exact values, prefixes and suffixes
/// are first screened by the character at their anchored end (most values fail there, in one bit test, instead of
/// in one comparison per pattern); contained values are found in one multi-string search. Immutable, thread-safe.
/// </summary>
internal sealed class ValuePatternSet
{
    private readonly AnchoredValues _exact = new(AnchoredValues.Anchor.Whole);
    private readonly AnchoredValues _prefixes = new(AnchoredValues.Anchor.Start);
    private readonly AnchoredValues _suffixes = new(AnchoredValues.Anchor.End);
    private readonly SearchValues<string>? _contained;
    private readonly bool _containsEmpty;

    public ValuePatternSet(IEnumerable<string> patterns)
    {
        var contained = new List<string>();
        foreach (var text in patterns)
        {
            var pattern = new ValuePattern(text);
            switch ((pattern.IsPrefix, pattern.IsSuffix))
            {
                case (true, true):
                    if (pattern.Core.Length == 0)
                        _containsEmpty = true;
                    else
                        contained.Add(pattern.Core);
                    break;
                case (true, false):
                    _prefixes.Add(pattern.Core);
                    break;
                case (false, true):
                    _suffixes.Add(pattern.Core);
                    break;
                default:
                    _exact.Add(pattern.Core);
                    break;
            }
        }
        if (contained.Count > 0)
            _contained = SearchValues.Create(contained.ToArray(), StringComparison.Ordinal);
    }

    /// <summary>Whether any pattern matches <paramref name="folded"/> (lower-cased text).</summary>
    public bool Matches(ReadOnlySpan<char> folded) =>
        _exact.AnyMatch(folded) || _prefixes.AnyMatch(folded) || _suffixes.AnyMatch(folded)
        || _containsEmpty || (_contained is not null && folded.IndexOfAny(_contained) >= 0);
}
