namespace Parry.Sigma.Matching.ValueTests;

/// <summary>The value starts with one of the literals (<c>startswith</c>, <c>lit*</c>); a long list through an
/// <see cref="AffixLookup"/>.</summary>
internal sealed class StartsWithTest : StringTest
{
    private readonly bool _useLookup;
    private AffixLookup? _lookup;

    public StartsWithTest(IEnumerable<string> literals, bool cased) : base(cased)
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
            if (text.StartsWith(literal))
                return true;
        }
        return false;
    }

    // Built on the first value tested, not at compile time (as ContainsTest's search): most rules are never
    // evaluated. Two threads racing may both build one; the first stored wins.
    private AffixLookup Build()
    {
        var built = AffixLookup.Create(Literals, atEnd: false);
        return Interlocked.CompareExchange(ref _lookup, built, null) ?? built;
    }
}
