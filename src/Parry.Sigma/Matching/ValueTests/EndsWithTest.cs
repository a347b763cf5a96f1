namespace Parry.Sigma.Matching.ValueTests;

/// <summary>The value ends with one of the literals (<c>endswith</c>, <c>*lit</c>).</summary>
internal sealed class EndsWithTest(IEnumerable<string> literals, bool cased) : StringTest(cased)
{
    public string[] Literals { get; } = [.. literals.Select(l => Fold(l, cased)).Distinct(StringComparer.Ordinal)];

    public override bool TestText(ReadOnlySpan<char> text)
    {
        foreach (var literal in Literals)
        {
            if (text.EndsWith(literal))
                return true;
        }
        return false;
    }
}
