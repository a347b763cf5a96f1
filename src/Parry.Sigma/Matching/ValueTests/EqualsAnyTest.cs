using System.Collections.Frozen;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>The whole value equals one of many literals: one hash lookup.</summary>
internal sealed class EqualsAnyTest : StringTest
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public EqualsAnyTest(IEnumerable<string> literals, bool cased) : base(cased)
    {
        Literals = [.. literals.Select(l => Fold(l, cased)).Distinct(StringComparer.Ordinal)];
        _lookup = Literals.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Literals { get; }

    public override bool TestText(ReadOnlySpan<char> text) => _lookup.Contains(text);
}
