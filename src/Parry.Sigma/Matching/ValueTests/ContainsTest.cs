using System.Buffers;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// The value contains one of the literals (<c>contains</c>, <c>*lit*</c>). One literal: a vectorised
/// <c>IndexOf</c>; several: one <see cref="SearchValues{T}"/> multi-substring search over the value.
/// </summary>
internal sealed class ContainsTest : StringTest
{
    private readonly SearchValues<string>? _many;

    public ContainsTest(IEnumerable<string> literals, bool cased) : base(cased)
    {
        Literals = [.. literals.Select(l => Fold(l, cased)).Distinct(StringComparer.Ordinal)];
        if (Literals.Length > 1 && !Literals.Contains(""))
            _many = SearchValues.Create(Literals, StringComparison.Ordinal);
    }

    public string[] Literals { get; }

    public override bool TestText(ReadOnlySpan<char> text)
    {
        if (_many is not null)
            return text.IndexOfAny(_many) >= 0;
        foreach (var literal in Literals)
        {
            if (text.IndexOf(literal) >= 0)
                return true;
        }
        return false;
    }

    public override int Cost => 2;
}
