using Parry.Core.Events;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary><c>cidr</c>: the value is an IP address inside the network (parsed without allocating).</summary>
internal sealed class CidrTest(IReadOnlyList<SigmaCidr> networks) : ValueTest
{
    public IReadOnlyList<SigmaCidr> Networks { get; } = networks;

    public override bool Test(in EventValue value)
    {
        if (value.IsNull)
            return false;
        var text = value.Text;
        foreach (var network in Networks)
        {
            if (network.Contains(text))
                return true;
        }
        return false;
    }

    public override int Cost => 2;
}
