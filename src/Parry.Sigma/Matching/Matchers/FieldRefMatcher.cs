using Parry.Core.Events;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.Matchers;

/// <summary><c>field|fieldref: other</c>: some value of the field relates to some value of the other field
/// (equal, or as prefix, suffix, substring); case-insensitive unless cased. Nulls relate to nothing.</summary>
internal sealed class FieldRefMatcher(int[] fields, int[] referenced, FieldRefMode mode, bool cased) : Matcher
{
    public int[] Fields { get; } = fields;

    public int[] Referenced { get; } = referenced;

    public override bool Matches(Event e)
    {
        foreach (var field in Fields)
        {
            foreach (var value in e.Values(field))
            {
                if (value.IsNull)
                    continue;
                var text = cased ? value.Text : value.FoldedText;
                foreach (var other in Referenced)
                {
                    foreach (var reference in e.Values(other))
                    {
                        if (!reference.IsNull && Relates(text, cased ? reference.Text : reference.FoldedText))
                            return true;
                    }
                }
            }
        }
        return false;
    }

    private bool Relates(ReadOnlySpan<char> text, ReadOnlySpan<char> reference) => mode switch
    {
        FieldRefMode.StartsWith => text.StartsWith(reference),
        FieldRefMode.EndsWith => text.EndsWith(reference),
        FieldRefMode.Contains => text.IndexOf(reference) >= 0,
        _ => text.SequenceEqual(reference),
    };

    // Two lookups and one comparison of texts already folded: as cheap as a value test, and a substring search as
    // a contains test. Equality is false on almost every event (a process whose image is its parent's), so an AND
    // tries it before its other operands (the sacrificial-process rule, evaluated on every process creation, used
    // to run its three filter lists first).
    public override int Cost => mode == FieldRefMode.Contains ? 2 : 1;
}
