using System.Collections.Frozen;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>Sorts one field's literals by anchor and builds its <see cref="FieldLiteralIndex"/>.</summary>
internal sealed class FieldLiteralIndexBuilder
{
    /// <summary>
    /// Longest part of a literal indexed for substring search: a window of a literal is still a necessary
    /// condition, already selective at this length, and keeps the automaton small enough for the cache (long
    /// literals such as file hashes would otherwise add a state per character). Prefix and suffix tries keep
    /// whole literals: their walk stops at the first mismatch, and paths share long prefixes.
    /// </summary>
    public const int MaxIndexedLength = 16;

    private readonly Dictionary<string, List<LiteralHit>> _exact = new(StringComparer.Ordinal);
    private readonly LiteralTrieBuilder _prefixes = new();
    private readonly LiteralTrieBuilder _suffixes = new();
    private readonly LiteralAutomatonBuilder _anywhere = new();
    private bool _hasPrefix, _hasSuffix, _hasAnywhere;
    private int _shortestAnywhere = int.MaxValue;

    public void Add(RequiredLiteral literal, LiteralHit hit)
    {
        switch (literal.Anchor)
        {
            case LiteralAnchor.Exact:
                if (!_exact.TryGetValue(literal.Folded, out var list))
                    _exact[literal.Folded] = list = [];
                if (!list.Contains(hit))
                    list.Add(hit);
                break;
            case LiteralAnchor.Start:
                _prefixes.Add(literal.Folded, hit);
                _hasPrefix = true;
                break;
            case LiteralAnchor.End:
                var reversed = literal.Folded.ToCharArray();
                Array.Reverse(reversed);
                _suffixes.Add(new string(reversed), hit);
                _hasSuffix = true;
                break;
            default:
                var tail = Tail(literal.Folded);
                _anywhere.Add(tail, hit);
                _hasAnywhere = true;
                _shortestAnywhere = Math.Min(_shortestAnywhere, tail.Length);
                break;
        }
    }

    // The end of a literal: in logs the starts of literals repeat more than their ends (imphash=…, c:\windows\…).
    private static string Tail(string literal) => literal.Length <= MaxIndexedLength ? literal : literal[^MaxIndexedLength..];

    public FieldLiteralIndex Build() => new(
        _exact.Count == 0 ? null : _exact.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
        _hasPrefix ? _prefixes.Build() : null,
        _hasSuffix ? _suffixes.Build() : null,
        _hasAnywhere ? _anywhere.Build() : null,
        _shortestAnywhere);
}
