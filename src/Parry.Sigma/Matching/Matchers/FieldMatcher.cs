using Parry.Core.Events;
using Parry.Sigma.Matching.ValueTests;

namespace Parry.Sigma.Matching.Matchers;

/// <summary>
/// Some value of the field (any of the event fields the log source maps the Sigma field to; any item of a list)
/// passes the test.
/// </summary>
internal sealed class FieldMatcher(int[] fields, ValueTest test) : Matcher
{
    public int[] Fields { get; } = fields;

    public ValueTest Test { get; } = test;

    public override bool Matches(Event e)
    {
        foreach (var field in Fields)
        {
            foreach (var value in e.Values(field))
            {
                if (Test.Test(value))
                    return true;
            }
        }
        return false;
    }

    public override int Cost => Test.Cost;
}
