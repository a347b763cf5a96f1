using Parry.Core.Detections;
using Parry.Sigma.Loading;
using Parry.TestSupport;

namespace Parry.Sigma.Tests.Loading;

public class SpecificationExampleTests
{
    [Fact]
    public void The_example_rules_of_the_specification_load()
    {
        var result = SigmaLoader.LoadPaths([Path.Combine(Corpora.SigmaSpec, "tests", "schema", "rules")]);
        // rule_1.yml and rule_ecs.yml share their id; the loader keeps the first.
        result.Rules.Count.ShouldBe(1);
        result.Rejected.ShouldHaveSingleItem().ReasonCategory.ShouldBe(RejectionCategories.DuplicateId);
        var rule = result.Rules[0];
        rule.Title.ShouldBe("A Title");
        rule.Info.Level.ShouldBe(Level.High);
        rule.Info.Status.ShouldBe("test");
        rule.Related.ShouldHaveSingleItem().Type.ShouldBe("similar");
        rule.LogSource.Service.ShouldBe("application");
        rule.FieldNames.ShouldBe(["Provider_Name"]);
    }

    [Fact]
    public void The_ecs_example_loads_on_its_own()
    {
        var file = Path.Combine(Corpora.SigmaSpec, "tests", "schema", "rules", "rule_ecs.yml");
        var result = SigmaLoader.LoadPaths([file]);
        result.Rejected.ShouldBeEmpty();
        var rule = result.Rules.ShouldHaveSingleItem();
        rule.Taxonomy.ShouldBe("ecs");
        SigmaTestKit.Matches(rule, """{"dns": {"question": {"name": "SigmaHQ"}}}""").ShouldBeTrue();
    }
}
