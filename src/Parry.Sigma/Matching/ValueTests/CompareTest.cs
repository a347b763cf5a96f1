using Parry.Core.Events;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary><c>gt</c>/<c>gte</c>/<c>lt</c>/<c>lte</c>: the value read as a number (numbers, and strings holding
/// one); anything else does not compare.</summary>
internal sealed class CompareTest(SigmaCompare compare) : ValueTest
{
    public SigmaCompare Compare { get; } = compare;

    public override bool Test(in EventValue value) =>
        !value.IsNull && value.TryGetDouble(out var number) && !double.IsNaN(number) && Compare.Holds(number);
}
