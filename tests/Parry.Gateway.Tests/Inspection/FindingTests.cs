using Parry.Gateway.Inspection;

namespace Parry.Gateway.Tests.Inspection;

public class FindingTests
{
    [Fact]
    public void A_target_finding_names_its_kind_in_lower_case_as_the_enum_spells_it()
    {
        foreach (var kind in Enum.GetValues<TargetKind>())
        {
            var finding = Finding.ForTarget("agents", kind, "db.internal.corp", "command");
            finding.Summary.ShouldBe($"{kind.ToString().ToLowerInvariant()} db.internal.corp in 'command'");
            finding.TargetKind.ShouldBe(kind);
        }
    }
}
