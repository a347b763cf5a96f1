namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// The value starts (or ends) with one of the literals; a long list is tested through an <see cref="AffixLookup"/>
/// instead of one compare per literal. The common part of <see cref="StartsWithTest"/> and <see cref="EndsWithTest"/>,
/// which stay two types because the literal prefilter reads prefixes and suffixes into different tries.
/// </summary>
internal abstract class AffixListTest : StringTest
{
    private readonly bool _atEnd;
    private readonly bool _useLookup;
    private AffixLookup? _lookup;

    protected AffixListTest(IEnumerable<string> literals, bool cased, bool atEnd) : base(cased)
    {
        Literals = [.. literals.Select(l => Fold(l, cased)).Distinct(StringComparer.Ordinal)];
        _atEnd = atEnd;
        _useLookup = AffixLookup.Pays(Literals);
    }

    public string[] Literals { get; }

    public sealed override bool TestText(ReadOnlySpan<char> text)
    {
        if (_useLookup)
            return (_lookup ?? Build()).Matches(text);
        foreach (var literal in Literals)
        {
            if (_atEnd ? text.EndsWith(literal) : text.StartsWith(literal))
                return true;
        }
        return false;
    }

    // Built on the first value tested, not at compile time (as ContainsTest's search): most rules are never
    // evaluated. Two threads racing may both build one; the first stored wins.
    private AffixLookup Build()
    {
        var built = AffixLookup.Create(Literals, _atEnd);
        return Interlocked.CompareExchange(ref _lookup, built, null) ?? built;
    }
}
