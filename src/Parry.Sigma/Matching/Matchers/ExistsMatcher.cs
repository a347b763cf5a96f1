using Parry.Core.Events;

namespace Parry.Sigma.Matching.Matchers;

/// <summary><c>field|exists</c>: the field is present (whatever its value, null or empty included), or not.</summary>
internal sealed class ExistsMatcher(int[] fields, bool exists) : Matcher
{
    public int[] Fields { get; } = fields;

    public bool Exists { get; } = exists;

    public override bool Matches(Event e)
    {
        foreach (var field in Fields)
        {
            if (e.Has(field))
                return Exists;
        }
        return !Exists;
    }
}
