namespace Parry.Sigma.Matching.ValueTests;

/// <summary>The value ends with one of the literals (<c>endswith</c>, <c>*lit</c>); a long list through an
/// <see cref="AffixLookup"/>.</summary>
internal sealed class EndsWithTest : StringTest
{
    private readonly bool _useLookup;
    private AffixLookup? _lookup;

    public EndsWithTest(IEnumerable<string> literals, bool cased) : base(cased)
    {
        Literals = [.. literals.Select(l => Fold(l, cased)).Distinct(StringComparer.Ordinal)];
        _useLookup = AffixLookup.Pays(Literals);
    }

    public string[] Literals { get; }

    public override bool TestText(ReadOnlySpan<char> text)
    {
        if (_useLookup)
            return (_lookup ?? Build()).Matches(text);
        foreach (var literal in Literals)
        {
            if (text.EndsWith(literal))
                return true;
        }
        return false;
    }

    // Built on the first value tested, not at compile time (as ContainsTest's search): most rules are never
    // evaluated. Two threads racing may both build one; the first stored wins.
    private AffixLookup Build()
    {
        var built = AffixLookup.Create(Literals, atEnd: true);
        return Interlocked.CompareExchange(ref _lookup, built, null) ?? built;
    }
}
