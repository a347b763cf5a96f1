using Parry.Core.Events;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// An unquoted number in the rule: equal to an event value that reads as the same number (integer 4688 or the
/// string "4688"); a value that is no number is compared with the number's text as written (so <c>0x17</c> still
/// matches the string "0x17").
/// </summary>
internal sealed class NumberEqualsTest(SigmaNumber number) : ValueTest
{
    private readonly double _value = number.Value;
    private readonly long _integer = number.IsInteger && Math.Abs(number.Value) < 9.2e18 ? (long)number.Value : long.MinValue;
    private readonly bool _isInteger = number.IsInteger && Math.Abs(number.Value) < 9.2e18;
    private readonly string _folded = number.Text.ToLowerInvariant();

    public SigmaNumber Number { get; } = number;

    /// <summary>The integer the test compares with, when the rule's number is one: a value that reads as an integer
    /// then passes exactly when it equals it (see <see cref="Prefilter.NumberEqualsDispatch"/>).</summary>
    public bool TryGetInteger(out long integer)
    {
        integer = _integer;
        return _isInteger;
    }

    public override bool Test(in EventValue value)
    {
        if (value.IsNull)
            return false;
        if (_isInteger && value.TryGetInt64(out var integer))
            return integer == _integer;
        if (value.TryGetDouble(out var real))
            return real == _value;
        return value.FoldedText.SequenceEqual(_folded);
    }
}
