using Parry.Core.Events;
using Parry.Sigma.Matching.ValueTests;

namespace Parry.Sigma.Matching.Matchers;

/// <summary>A keyword search: some value anywhere in the event passes the test.</summary>
internal sealed class KeywordMatcher(ValueTest test) : Matcher
{
    public ValueTest Test { get; } = test;

    public override bool Matches(Event e)
    {
        foreach (var value in e.AllValues())
        {
            if (Test.Test(value))
                return true;
        }
        return false;
    }

    public override int Cost => 16 * Test.Cost;
}
