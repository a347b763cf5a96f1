using Parry.Core.Events;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// The rules of a group that are nothing but one field equal to one integer (Sysmon's <c>EventID: 16</c> rules,
/// served to every Sysmon event): no literal of theirs is necessary (the number test also accepts <c>16.0</c> or
/// <c> 16</c>), so they used to be evaluated for every event. For a value that reads as an integer the test is that
/// integer's equality and nothing else, so only the rules of that integer can pass; for any other value (not a
/// number, or a fraction) every rule of the field stays a candidate. Candidates are still evaluated in full.
/// </summary>
internal sealed class NumberEqualsDispatch(int field, Dictionary<long, LiteralHit[]> byInteger, LiteralHit[] all)
{
    public int Field { get; } = field;

    /// <summary>Marks the rules whose integer some value of the field reads as, or all of them when a value does
    /// not read as an integer (a missing field or a null value marks none: the test fails on it).</summary>
    public void Mark(Event e, CandidateMarks marks)
    {
        foreach (var value in e.Values(Field))
        {
            if (value.IsNull)
                continue;
            if (!value.TryGetInt64(out var integer))
            {
                marks.Mark(all);
                return;
            }
            if (byInteger.TryGetValue(integer, out var hits))
                marks.Mark(hits);
        }
    }
}
