using Parry.Core.Events;

namespace Parry.Sigma.Matching.Matchers;

/// <summary><c>N of pattern</c> for N above 1: at least <see cref="Count"/> operands hold.</summary>
internal sealed class AtLeastMatcher(int count, IReadOnlyList<Matcher> operands) : Matcher
{
    private readonly Matcher[] _operands = [.. operands];

    public int Count { get; } = count;

    public IReadOnlyList<Matcher> Operands => _operands;

    public override bool Matches(Event e)
    {
        var held = 0;
        for (var i = 0; i < _operands.Length; i++)
        {
            if (_operands[i].Matches(e) && ++held >= Count)
                return true;
            if (held + (_operands.Length - i - 1) < Count)
                return false;
        }
        return false;
    }

    public override int Cost => _operands.Sum(o => o.Cost);
}
