using Parry.Core.Events;

namespace Parry.Sigma.Matching.Matchers;

/// <summary>Every operand holds; cheaper operands are tried first.</summary>
internal sealed class AndMatcher(IReadOnlyList<Matcher> operands) : Matcher
{
    private readonly Matcher[] _operands = [.. operands.OrderBy(o => o.Cost)];

    public IReadOnlyList<Matcher> Operands => _operands;

    public override bool Matches(Event e)
    {
        foreach (var operand in _operands)
        {
            if (!operand.Matches(e))
                return false;
        }
        return true;
    }

    public override int Cost => _operands.Sum(o => o.Cost);
}
