using System.Buffers;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// The value contains one of the literals (<c>contains</c>, <c>*lit*</c>). One literal: a vectorised
/// <c>IndexOf</c>; several: one <see cref="SearchValues{T}"/> multi-substring search over the value.
/// </summary>
/// <remarks>The multi-substring search is built on the first value tested, not at compile time: the literal index
/// keeps most rules from ever being evaluated, and each search (an Aho–Corasick automaton or Teddy buckets) costs
/// kilobytes to build and keep.</remarks>
internal sealed class ContainsTest : StringTest
{
    private readonly bool _multi;
    private SearchValues<string>? _many;

    // Several literals of one character each (the Unicode-obfuscation rules' lists of look-alike characters): a
    // search for any of those characters, which finds exactly the same values and is vectorised, where the string
    // search falls back to a slower path for non-ASCII literals (1.08 µs per command line measured).
    private readonly SearchValues<char>? _chars;

    public ContainsTest(IEnumerable<string> literals, bool cased) : base(cased)
    {
        Literals = [.. literals.Select(l => Fold(l, cased)).Distinct(StringComparer.Ordinal)];
        _multi = Literals.Length > 1 && !Literals.Contains("");
        if (_multi && Literals.All(l => l.Length == 1))
            _chars = SearchValues.Create(string.Concat(Literals));
    }

    public string[] Literals { get; }

    public override bool TestText(ReadOnlySpan<char> text)
    {
        if (_chars is not null)
            return text.IndexOfAny(_chars) >= 0;
        if (_multi)
            return text.IndexOfAny(_many ?? Build()) >= 0;
        foreach (var literal in Literals)
        {
            if (text.IndexOf(literal) >= 0)
                return true;
        }
        return false;
    }

    public override int Cost => 2;

    // Two threads racing may both build one; the first stored wins (they search for the same literals).
    private SearchValues<string> Build()
    {
        var built = SearchValues.Create(Literals, StringComparison.Ordinal);
        return Interlocked.CompareExchange(ref _many, built, null) ?? built;
    }
}
