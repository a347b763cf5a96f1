using Parry.Core.Detections;
using Parry.Sigma.Correlations;
using Parry.Sigma.Loading;
using static Parry.Sigma.Tests.SigmaTestKit;

namespace Parry.Sigma.Tests.Correlations;

public class CorrelationLoadingTests
{
    // The specification's complete example: a chain of correlations over rules named in the same file.
    private const string FailedThenSuccessful = """
        title: Correlation - Multiple Failed Logins Followed by Successful Login
        id: b180ead8-d58f-40b2-ae54-c8940995b9b6
        status: experimental
        description: Detects multiple failed logins by a single user followed by a successful login of that user
        author: Florian Roth (Nextron Systems)
        date: 2023-06-16
        correlation:
            type: temporal_ordered
            rules:
                - multiple_failed_login
                - successful_login
            group-by:
                - User
            timespan: 10m
        falsepositives:
            - Unlikely
        level: high
        ---
        title: Multiple failed logons
        id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
        description: Detects multiple failed logins within a certain amount of time
        name: multiple_failed_login
        correlation:
            type: event_count
            rules:
                - failed_login
            group-by:
                - User
            timespan: 10m
            condition:
                gte: 10
        ---
        title: Single failed login
        id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
        name: failed_login
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID:
                    - 529
                    - 4625
            condition: selection
        ---
        title: Successful login
        id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
        description: Detects a successful login
        name: successful_login
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID:
                    - 528
                    - 4624
            condition: selection
        """;

    [Fact]
    public void The_specification_example_resolves_into_a_chain()
    {
        var result = Load(FailedThenSuccessful);
        result.Rejected.ShouldBeEmpty();
        result.Rules.Count.ShouldBe(2);
        result.Correlations.Count.ShouldBe(2);
        result.Loaded.ShouldBe(4);

        var outer = result.Correlations.Single(c => c.Id == "b180ead8-d58f-40b2-ae54-c8940995b9b6");
        outer.Type.ShouldBe(CorrelationType.TemporalOrdered);
        outer.Info.Level.ShouldBe(Level.High);
        outer.Timespan.ShouldBe(TimeSpan.FromMinutes(10));
        outer.GroupBy.ShouldBe(["User"]);
        outer.Rules.Select(m => m.Reference).ShouldBe(["multiple_failed_login", "successful_login"]);
        outer.Rules[0].IsCorrelation.ShouldBeTrue();
        outer.Rules[1].Rule!.Title.ShouldBe("Successful login");
        outer.Condition.Holds(2).ShouldBeTrue(); // temporal without condition: all rules
        outer.Condition.Holds(1).ShouldBeFalse();
        outer.GeneratesDetections.ShouldBeTrue();

        var inner = outer.Rules[0].Correlation!;
        inner.Type.ShouldBe(CorrelationType.EventCount);
        inner.Condition.Thresholds.ShouldBe([new CorrelationThreshold(CorrelationOperator.Gte, 10)]);
        inner.Rules.ShouldHaveSingleItem().Rule!.Name.ShouldBe("failed_login");
        inner.GeneratesDetections.ShouldBeFalse(); // a step of the outer correlation, which does not generate it
        inner.Info.Level.ShouldBe(Level.Medium);

        // Base rules feed the correlations; without 'generate' they report nothing on their own.
        result.Rules.ShouldAllBe(r => !r.GeneratesDetections);
        ReferenceEquals(inner.Rules[0].Rule, result.Rules.Single(r => r.Name == "failed_login")).ShouldBeTrue();
    }

    [Fact]
    public void Generate_keeps_the_base_rules_reporting()
    {
        var yaml = FailedThenSuccessful.Replace("correlation:\n    type: event_count", "generate: true\ncorrelation:\n    type: event_count");
        var result = Load(yaml);
        result.Rejected.ShouldBeEmpty();
        result.Rules.Single(r => r.Name == "failed_login").GeneratesDetections.ShouldBeTrue();
        result.Rules.Single(r => r.Name == "successful_login").GeneratesDetections.ShouldBeFalse();
    }

    [Fact]
    public void References_resolve_across_sources_and_by_id()
    {
        var result = SigmaLoader.Load([
            SigmaSource.FromText("""
                title: Many failed logins
                correlation:
                    type: event_count
                    rules:
                        - 53ba33fd-3a50-4468-a5ef-c583635cfa92
                    group-by: [ComputerName]
                    timespan: 1h
                    condition:
                        gte: 100
                """, "correlations.yml"),
            SigmaSource.FromText("""
                title: Single failed login
                id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
                logsource: {product: windows, service: security}
                detection: {selection: {EventID: 4625}, condition: selection}
                """, "rules.yml"),
        ]);
        result.Rejected.ShouldBeEmpty();
        result.Correlations.ShouldHaveSingleItem().Rules.ShouldHaveSingleItem().Rule!.Path.ShouldBe("rules.yml");
    }

    [Theory]
    [InlineData("value_count", "field: User\n        gte: 100")]
    [InlineData("value_sum", "field: bytes_sent\n        gt: 1000000")]
    [InlineData("value_avg", "field: BytesOut\n        gt: 500")]
    [InlineData("value_percentile", "field: Image\n        lte: 1")]
    public void Value_types_carry_their_field(string type, string condition)
    {
        var correlation = LoadCorrelation(type, condition).ShouldHaveSingleItem();
        correlation.Condition.Fields.Count.ShouldBe(1);
        correlation.Condition.Thresholds.Count.ShouldBe(1);
    }

    [Fact]
    public void Ranges_are_and()
    {
        var correlation = LoadCorrelation("event_count", "gt: 100\n        lte: 200").ShouldHaveSingleItem();
        correlation.Condition.Holds(150).ShouldBeTrue();
        correlation.Condition.Holds(100).ShouldBeFalse();
        correlation.Condition.Holds(201).ShouldBeFalse();
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1d", 86400)]
    [InlineData("90m", 5400)]
    [InlineData("2w", 1209600)]
    public void Timespans_parse(string text, int seconds)
    {
        Parry.Sigma.Correlations.Timespans.TryParse(text, out var span).ShouldBeTrue();
        span.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("5M")]
    [InlineData("1.5h")]
    [InlineData("5 m")]
    [InlineData("1y")]
    [InlineData("99999999999d")]
    public void Bad_timespans(string text) => Parry.Sigma.Correlations.Timespans.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Aliases_map_fields_per_rule()
    {
        var result = Load("""
            title: Internal error followed by connection
            correlation:
                type: temporal
                rules:
                    - internal_error
                    - new_network_connection
                group-by:
                    - internal_ip
                    - remote_ip
                timespan: 10s
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
                    remote_ip:
                        internal_error: source.ip
                        new_network_connection: destination.ip
            ---
            title: Internal error
            name: internal_error
            logsource: {category: webserver}
            detection: {selection: {http.response.status_code: 500}, condition: selection}
            ---
            title: New connection
            name: new_network_connection
            logsource: {category: network_connection}
            detection: {selection: {event.category: network}, condition: selection}
            """);
        result.Rejected.ShouldBeEmpty();
        var correlation = result.Correlations.ShouldHaveSingleItem();
        correlation.FieldFor("internal_ip", correlation.Rules[0]).ShouldBe("destination.ip");
        correlation.FieldFor("internal_ip", correlation.Rules[1]).ShouldBe("source.ip");
        correlation.FieldFor("User", correlation.Rules[1]).ShouldBe("User");
    }

    [Theory]
    [InlineData("type: event_count\n    rules: [base]\n    timespan: 1h", RejectionCategories.MissingAttribute, "needs a 'condition'")]
    [InlineData("type: value_count\n    rules: [base]\n    timespan: 1h\n    condition: {gte: 3}", RejectionCategories.MissingAttribute, "needs 'field'")]
    [InlineData("type: event_count\n    rules: [base]\n    timespan: 1h\n    condition: {field: x, gte: 3}", RejectionCategories.InvalidCorrelation, "only applies to value_*")]
    [InlineData("type: event_count\n    rules: [base]\n    timespan: 1h\n    condition: {between: 3}", RejectionCategories.InvalidCorrelation, "'between'")]
    [InlineData("type: event_count\n    rules: [base]\n    timespan: 1h\n    condition: {gte: many}", RejectionCategories.InvalidCorrelation, "needs a number")]
    [InlineData("type: event_count\n    rules: [base]\n    timespan: 1h\n    condition: {field: x}", RejectionCategories.InvalidCorrelation, "no comparison")]
    [InlineData("type: event_count\n    rules: [base]\n    timespan: soon\n    condition: {gte: 3}", RejectionCategories.InvalidTimespan, "'soon'")]
    [InlineData("type: sequence\n    rules: [base]\n    timespan: 1h", RejectionCategories.InvalidCorrelation, "'sequence'")]
    [InlineData("type: temporal\n    timespan: 1h", RejectionCategories.MissingAttribute, "no 'rules'")]
    [InlineData("type: temporal\n    rules: [base, base]\n    timespan: 1h", RejectionCategories.InvalidCorrelation, "twice")]
    [InlineData("type: temporal\n    rules: [base, nowhere]\n    timespan: 1h", RejectionCategories.UnknownRuleReference, "'nowhere'")]
    [InlineData("type: temporal\n    rules: [base]\n    timespan: 1h\n    aliases: {ip: {other: x}}", RejectionCategories.InvalidCorrelation, "alias 'ip' names 'other'")]
    public void Invalid_correlations_are_rejected(string section, string category, string reason)
    {
        var result = Load($"""
            title: bad correlation
            correlation:
                {section}
            ---
            title: base
            name: base
            logsource: {"{"}product: windows{"}"}
            detection: {"{"}selection: {"{"}A: 1{"}"}, condition: selection{"}"}
            """);
        result.Correlations.ShouldBeEmpty();
        var rejection = result.Rejected.ShouldHaveSingleItem();
        rejection.ReasonCategory.ShouldBe(category);
        rejection.Reason.ShouldContain(reason);
        rejection.Line.ShouldBeGreaterThan(0);
        result.Rules.ShouldHaveSingleItem().GeneratesDetections.ShouldBeTrue();
    }

    [Fact]
    public void A_correlation_on_a_rejected_rule_says_why()
    {
        var result = Load("""
            title: c
            correlation: {type: event_count, rules: [base], timespan: 1h, condition: {gte: 2}}
            ---
            title: base
            name: base
            logsource: {product: windows}
            detection: {selection: {A|bogus: 1}, condition: selection}
            """, path: "r.yml");
        result.Rejected.Count.ShouldBe(2);
        var correlation = result.Rejected.Single(r => r.Title == "c");
        correlation.ReasonCategory.ShouldBe(RejectionCategories.UnknownRuleReference);
        correlation.Reason.ShouldContain("which was rejected (r.yml:7:");
        correlation.Reason.ShouldContain("unknown modifier");
    }

    [Fact]
    public void Chains_fail_together_and_cycles_are_rejected()
    {
        var result = Load("""
            title: a
            name: a
            correlation: {type: temporal, rules: [b], timespan: 1h}
            ---
            title: b
            name: b
            correlation: {type: temporal, rules: [a], timespan: 1h}
            ---
            title: c
            name: c
            correlation: {type: temporal, rules: [a], timespan: 1h}
            """);
        result.Correlations.ShouldBeEmpty();
        result.Rejected.Count.ShouldBe(3);
        result.Rejected.Count(r => r.ReasonCategory == RejectionCategories.CorrelationCycle).ShouldBeGreaterThanOrEqualTo(1);
        result.Rejected.Single(r => r.Title == "c").Reason.ShouldContain("correlation 'a', which was rejected");
    }

    [Fact]
    public void The_specification_schema_examples_load()
    {
        var folder = Path.Combine(Parry.TestSupport.Corpora.SigmaSpec, "tests", "schema", "correlation");
        var sources = Directory.GetFiles(folder, "*.yml").Order().Select(f => new SigmaSource(f, () => File.ReadAllText(f))).ToList();
        // The examples name rules that are not part of them; give each name and id a stand-in rule.
        var references = new[] { "5638f7c0-ac70-491d-8465-2a65075e0d86", "recon_cmd_a", "recon_cmd_b", "recon_cmd_c", "rule_a_id", "website_access", "process_creation" };
        var standIns = string.Join("\n---\n", references.Select((r, i) => $$"""
            title: stand-in {{i}}
            {{(r.Contains('-') ? "id" : "name")}}: {{r}}
            logsource: {product: windows}
            detection: {selection: {A: {{i}}}, condition: selection}
            """));
        // event_count.yml and event_count_ecs.yml share an id: the second is a duplicate by design of the examples.
        var result = SigmaLoader.Load([.. sources, SigmaSource.FromText(standIns, "stand-ins.yml")]);
        result.Correlations.Count.ShouldBe(7);
        result.Rejected.ShouldHaveSingleItem().ReasonCategory.ShouldBe(RejectionCategories.DuplicateId);
        result.Correlations.Select(c => c.Type).Distinct().Count().ShouldBe(7);
        result.Correlations.Single(c => c.Type == CorrelationType.ValuePercentile).Condition.Fields.ShouldBe(["Image"]);
    }

    private static IReadOnlyList<SigmaCorrelation> LoadCorrelation(string type, string condition)
    {
        var result = Load($$"""
            title: c
            correlation:
                type: {{type}}
                rules: [base]
                group-by: [User]
                timespan: 1h
                condition:
                    {{condition}}
            ---
            title: base
            name: base
            logsource: {product: windows}
            detection: {selection: {A: 1}, condition: selection}
            """);
        result.Rejected.ShouldBeEmpty(string.Join("\n", result.Rejected));
        return result.Correlations;
    }
}
