using Parry.Core.Events;

namespace Parry.Sigma.Matching.Matchers;

/// <summary><c>field: null</c>: the field is missing, or every value it has is null.</summary>
internal sealed class NullMatcher(int[] fields) : Matcher
{
    public int[] Fields { get; } = fields;

    public override bool Matches(Event e)
    {
        foreach (var field in Fields)
        {
            foreach (var value in e.Values(field))
            {
                if (!value.IsNull)
                    return false;
            }
        }
        return true;
    }
}
