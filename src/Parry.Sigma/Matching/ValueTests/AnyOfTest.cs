using Parry.Core.Events;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>Any of several tests of different kinds holds for the value (cheapest first).</summary>
internal sealed class AnyOfTest(IReadOnlyList<ValueTest> tests) : ValueTest
{
    private readonly ValueTest[] _tests = [.. tests.OrderBy(t => t.Cost)];

    public IReadOnlyList<ValueTest> Tests => _tests;

    public override bool Test(in EventValue value)
    {
        foreach (var test in _tests)
        {
            if (test.Test(value))
                return true;
        }
        return false;
    }

    public override int Cost => _tests.Sum(t => t.Cost);
}
