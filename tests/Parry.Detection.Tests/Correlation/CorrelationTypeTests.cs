using Parry.Detection.Correlation;
using static Parry.Detection.Tests.Correlation.CorrelationHarness;

namespace Parry.Detection.Tests.Correlation;

/// <summary>Each correlation type against the specification's text and examples
/// (sigma-correlation-rules-specification.md, tests/schema/correlation/*.yml), event times set by the test.</summary>
public class CorrelationTypeTests
{
    private static string Rules(params string[] names) => string.Join("\n---\n", names.Select((n, i) => BaseRule(n, 4000 + i)));

    // Specification, "Event Count": 100 failed logins to one host in an hour (tests/schema/correlation/event_count.yml).
    private static readonly string ManyFailedLogins = """
        title: Many failed logins
        id: 0e95725d-7320-415d-80f7-004da920fc11
        correlation:
            type: event_count
            rules:
                - 5638f7c0-ac70-491d-8465-2a65075e0d86
            group-by:
                - ComputerName
            timespan: 1h
            condition:
                gte: 100
        level: high
        ---
        """ + "\n" + BaseRule("failed_login", 4625, "5638f7c0-ac70-491d-8465-2a65075e0d86");

    [Fact]
    public void Event_count_fires_at_the_hundredth_event_of_a_host_within_the_hour()
    {
        var h = new CorrelationHarness(ManyFailedLogins);
        var hits = Enumerable.Range(0, 100).Select(i => h.Hit("failed_login", i * 30, new { ComputerName = "DC1" })).ToList();
        h.Feed([.. hits.Take(99)]).ShouldBeEmpty();
        // Released once the watermark passes it: with no lateness, as soon as event time moves on.
        h.Feed(hits[99]).ShouldBeEmpty();
        var fired = h.Feed(h.Hit("failed_login", 100 * 30, new { ComputerName = "DC2" })).ShouldHaveSingleItem();
        fired.Rule.Id.ShouldBe("0e95725d-7320-415d-80f7-004da920fc11");
        fired.Event.ShouldBeSameAs(hits[99].Event);
        fired.Aggregate.ShouldBe(100);
        fired.GroupBy.ShouldBe([new KeyValuePair<string, string>("ComputerName", "DC1")]);
        fired.Related.Count.ShouldBe(16); // bounded: the most recent, oldest first
        fired.Related[^1].ShouldBeSameAs(hits[99]);
        fired.Related[0].ShouldBeSameAs(hits[84]);
        h.Flush().ShouldBeEmpty();
        h.Run.Counters.Groups.ShouldBe(0);
        h.Run.Counters.BufferedEntries.ShouldBe(0);
    }

    [Fact]
    public void Event_count_counts_each_group_separately_and_only_within_the_timespan()
    {
        var h = new CorrelationHarness(ManyFailedLogins);
        var hits = new List<Core.Detections.Detection>();
        for (var i = 0; i < 150; i++)
            hits.Add(h.Hit("failed_login", i * 20, new { ComputerName = i % 2 == 0 ? "DC1" : "DC2" })); // 75 each in 50 min
        // 100 events of DC3, but spread over more than an hour: at most 60 in any hour.
        for (var i = 0; i < 100; i++)
            hits.Add(h.Hit("failed_login", i * 61, new { ComputerName = "DC3" }));
        h.FeedAll(hits.OrderBy(d => d.Timestamp)).ShouldBeEmpty();
    }

    [Fact]
    public void Event_count_groups_case_insensitively_and_reports_the_first_spelling()
    {
        var h = new CorrelationHarness(ManyFailedLogins.Replace("gte: 100", "gte: 3"));
        var fired = h.FeedAll([
            h.Hit("failed_login", 0, new { ComputerName = "dc1" }),
            h.Hit("failed_login", 1, new { ComputerName = "DC1" }),
            h.Hit("failed_login", 2, new { ComputerName = "Dc1" }),
        ]).ShouldHaveSingleItem();
        fired.GroupBy.ShouldBe([new KeyValuePair<string, string>("ComputerName", "dc1")]);
    }

    [Fact]
    public void Events_without_the_group_by_field_are_counted_and_left_out()
    {
        var h = new CorrelationHarness(ManyFailedLogins.Replace("gte: 100", "gte: 2"));
        h.FeedAll([h.Hit("failed_login", 0), h.Hit("failed_login", 1)]).ShouldBeEmpty();
        h.Run.Counters.MissingGroupField.ShouldBe(2);
    }

    [Fact]
    public void Without_group_by_all_events_are_one_group()
    {
        var h = new CorrelationHarness(ManyFailedLogins.Replace("    group-by:\n        - ComputerName\n", "").Replace("gte: 100", "gte: 2"));
        h.FeedAll([h.Hit("failed_login", 0, new { ComputerName = "a" }), h.Hit("failed_login", 1)]).ShouldHaveSingleItem().GroupBy.ShouldBeEmpty();
    }

    // Specification, "Value Count" (tests/schema/correlation/value_count.yml).
    private static readonly string ManyUsers = """
        title: Failed login
        id: 0e95725d-7320-415d-80f7-004da920fc12
        correlation:
            type: value_count
            rules:
                - 5638f7c0-ac70-491d-8465-2a65075e0d86
            group-by:
                - ComputerName
                - WorkstationName
            timespan: 1d
            condition:
                field: User
                gte: 100
        ---
        """ + "\n" + BaseRule("failed_login", 4625, "5638f7c0-ac70-491d-8465-2a65075e0d86");

    [Fact]
    public void Value_count_fires_at_the_hundredth_distinct_user_per_source_and_destination()
    {
        var h = new CorrelationHarness(ManyUsers);
        var same = Enumerable.Range(0, 200).Select(i => h.Hit("failed_login", i, new { ComputerName = "DC1", WorkstationName = "WS1", User = "admin" }));
        h.Feed([.. same]).ShouldBeEmpty();
        var spray = Enumerable.Range(0, 100).Select(i => h.Hit("failed_login", 300 + i, new { ComputerName = "DC1", WorkstationName = "WS1", User = $"user{i}" })).ToList();
        var fired = h.Feed([.. spray]).ShouldHaveSingleItem();
        fired.Event.ShouldBeSameAs(spray[98].Event); // admin + 99 new users
        fired.Aggregate.ShouldBe(100);
        fired.GroupBy.Select(p => p.Key).ShouldBe(["ComputerName", "WorkstationName"]);
    }

    [Fact]
    public void Value_count_treats_values_case_insensitively_and_lets_old_values_leave_the_window()
    {
        var h = new CorrelationHarness(ManyUsers.Replace("gte: 100", "gte: 3").Replace("timespan: 1d", "timespan: 10s"));
        h.FeedAll([
            h.Hit("failed_login", 0, new { ComputerName = "a", WorkstationName = "b", User = "Alice" }),
            h.Hit("failed_login", 1, new { ComputerName = "a", WorkstationName = "b", User = "ALICE" }),
            h.Hit("failed_login", 2, new { ComputerName = "a", WorkstationName = "b", User = "bob" }),
            h.Hit("failed_login", 13, new { ComputerName = "a", WorkstationName = "b", User = "carol" }), // alice, bob gone
            h.Hit("failed_login", 14, new { ComputerName = "a", WorkstationName = "b", User = "dave" }),
        ]).ShouldBeEmpty();
    }

    // Specification, "Temporal Proximity" (tests/schema/correlation/temporal.yml).
    private static readonly string Recon = """
        title: Recon
        correlation:
            type: temporal
            rules:
                - recon_cmd_a
                - recon_cmd_b
                - recon_cmd_c
            group-by:
                - ComputerName
                - User
            timespan: 5m
        ---
        """ + "\n" + Rules("recon_cmd_a", "recon_cmd_b", "recon_cmd_c");

    [Fact]
    public void Temporal_fires_when_all_rules_matched_within_the_timespan_in_any_order()
    {
        var h = new CorrelationHarness(Recon);
        var who = new { ComputerName = "pc1", User = "bob" };
        var c = h.Hit("recon_cmd_c", 0, who);
        var a = h.Hit("recon_cmd_a", 100, who);
        var other = h.Hit("recon_cmd_b", 150, new { ComputerName = "pc2", User = "bob" });
        var b = h.Hit("recon_cmd_b", 300, who);
        var fired = h.FeedAll([c, a, other, b]).ShouldHaveSingleItem();
        fired.Related.ShouldBe([c, a, b]);
        fired.Aggregate.ShouldBe(3);
        fired.Event.ShouldBeSameAs(b.Event);
    }

    [Fact]
    public void Temporal_does_not_fire_when_the_rules_are_spread_over_more_than_the_timespan()
    {
        var h = new CorrelationHarness(Recon);
        var who = new { ComputerName = "pc1", User = "bob" };
        h.FeedAll([h.Hit("recon_cmd_a", 0, who), h.Hit("recon_cmd_b", 200, who), h.Hit("recon_cmd_c", 301, who)]).ShouldBeEmpty();
    }

    [Fact]
    public void Temporal_with_a_condition_counts_distinct_rules()
    {
        var h = new CorrelationHarness(Recon.Replace("timespan: 5m", "timespan: 5m\n    condition:\n        gte: 2"));
        var who = new { ComputerName = "pc1", User = "bob" };
        h.FeedAll([h.Hit("recon_cmd_a", 0, who), h.Hit("recon_cmd_a", 1, who), h.Hit("recon_cmd_c", 2, who)])
            .ShouldHaveSingleItem().Aggregate.ShouldBe(2);
    }

    private static readonly string ReconOrdered = Recon.Replace("type: temporal", "type: temporal_ordered");

    [Fact]
    public void Temporal_ordered_fires_only_for_the_order_listed()
    {
        var h = new CorrelationHarness(ReconOrdered);
        var who = new { ComputerName = "pc1", User = "bob" };
        h.FeedAll([h.Hit("recon_cmd_c", 0, who), h.Hit("recon_cmd_b", 1, who), h.Hit("recon_cmd_a", 2, who)]).ShouldBeEmpty();

        var g = new CorrelationHarness(ReconOrdered);
        var a1 = g.Hit("recon_cmd_a", 0, who);
        var a2 = g.Hit("recon_cmd_a", 10, who);
        var c1 = g.Hit("recon_cmd_c", 20, who);
        var b = g.Hit("recon_cmd_b", 30, who);
        var c2 = g.Hit("recon_cmd_c", 40, who);
        var fired = g.FeedAll([a1, a2, c1, b, c2]).ShouldHaveSingleItem();
        fired.Related.ShouldBe([a2, b, c2]); // the chain that started latest
        fired.Event.ShouldBeSameAs(c2.Event);
    }

    [Fact]
    public void Temporal_ordered_needs_the_whole_chain_within_the_timespan()
    {
        var h = new CorrelationHarness(ReconOrdered);
        var who = new { ComputerName = "pc1", User = "bob" };
        h.FeedAll([h.Hit("recon_cmd_a", 0, who), h.Hit("recon_cmd_b", 1, who), h.Hit("recon_cmd_c", 301, who)]).ShouldBeEmpty();
    }

    [Fact]
    public void Temporal_ordered_consumes_the_chain_so_a_repeat_needs_a_new_one()
    {
        var h = new CorrelationHarness(ReconOrdered);
        var who = new { ComputerName = "pc1", User = "bob" };
        h.FeedAll([
            h.Hit("recon_cmd_a", 0, who), h.Hit("recon_cmd_b", 1, who), h.Hit("recon_cmd_c", 2, who),
            h.Hit("recon_cmd_c", 3, who), // no second detection: the a and b were used
            h.Hit("recon_cmd_a", 4, who), h.Hit("recon_cmd_b", 5, who), h.Hit("recon_cmd_c", 6, who),
        ]).Count.ShouldBe(2);
    }

    // Specification, "Value Sum" (tests/schema/correlation/value_sum.yml).
    private static readonly string Exfiltration = """
        title: Possible Exfiltration to Website
        correlation:
            type: value_sum
            rules:
                - website_access
            group-by:
                - SourceIP
                - User
            timespan: 1h
            condition:
                field: bytes_sent
                gt: 1000000
        ---
        """ + "\n" + Rules("website_access");

    [Fact]
    public void Value_sum_fires_when_the_amounts_in_the_window_exceed_the_limit()
    {
        var h = new CorrelationHarness(Exfiltration);
        var who = new { SourceIP = "10.0.0.5", User = "eve" };
        var hits = new List<Core.Detections.Detection>();
        for (var i = 0; i < 10; i++)
            hits.Add(h.Hit("website_access", i * 60, new { who.SourceIP, who.User, bytes_sent = 100_000 }));
        hits.Add(h.Hit("website_access", 700, new { who.SourceIP, who.User, bytes_sent = "1" })); // numbers as text count
        hits.Add(h.Hit("website_access", 701, new { who.SourceIP, who.User, bytes_sent = "n/a" }));
        var fired = h.FeedAll(hits).ShouldHaveSingleItem();
        fired.Aggregate.ShouldBe(1_000_001);
        fired.Event.ShouldBeSameAs(hits[10].Event);
        h.Run.Counters.MissingValue.ShouldBe(1);
    }

    [Fact]
    public void Value_sum_lets_amounts_leave_the_window()
    {
        var h = new CorrelationHarness(Exfiltration);
        h.FeedAll([
            h.Hit("website_access", 0, new { SourceIP = "a", User = "b", bytes_sent = 600_000 }),
            h.Hit("website_access", 3601, new { SourceIP = "a", User = "b", bytes_sent = 600_000 }),
        ]).ShouldBeEmpty();
    }

    // Specification, "Value Average" (tests/schema/correlation/value_avg.yml): judged when the window closes.
    private static readonly string AverageTraffic = """
        title: Suspicious average network traffic
        correlation:
            type: value_avg
            rules:
                - rule_a_id
            group-by:
                - SourceIP
                - User
            timespan: 24h
            condition:
                field: BytesOut
                gt: 500
        ---
        """ + "\n" + Rules("rule_a_id");

    [Fact]
    public void Value_avg_is_judged_over_the_whole_window_when_it_closes()
    {
        var h = new CorrelationHarness(AverageTraffic);
        var who = new { SourceIP = "a", User = "b" };
        var big = h.Hit("rule_a_id", 0, new { who.SourceIP, who.User, BytesOut = 2000 });
        h.Feed(big).ShouldBeEmpty(); // one large event alone proves nothing yet
        h.Feed(h.Hit("rule_a_id", 3600, new { who.SourceIP, who.User, BytesOut = 100 }),
            h.Hit("rule_a_id", 7200, new { who.SourceIP, who.User, BytesOut = 100 })).ShouldBeEmpty();
        var last = h.Hit("rule_a_id", 86_400, new { who.SourceIP, who.User, BytesOut = 400 }); // still in the window
        h.Feed(last).ShouldBeEmpty();
        var fired = h.Feed(h.Hit("rule_a_id", 86_401, new { SourceIP = "x", User = "y", BytesOut = 1 })).ShouldHaveSingleItem();
        fired.Aggregate.ShouldBe(650);
        fired.Event.ShouldBeSameAs(last.Event);
        h.Flush().ShouldBeEmpty(); // x/y averages 1
    }

    // Specification, "Value Percentile" (tests/schema/correlation/value_percentile.yml): a process name that makes
    // up at most 1 % of a computer's process creations in 24 h.
    private static readonly string RareProcess = """
        title: A computer spawned a processes name in the last 24h than 1% of all the processes.
        correlation:
            type: value_percentile
            rules:
                - process_creation
            group-by:
                - ComputerName
            timespan: 24h
            condition:
                field: Image
                lte: 1
        ---
        """ + "\n" + Rules("process_creation");

    [Fact]
    public void Value_percentile_fires_for_each_value_whose_share_meets_the_condition()
    {
        var h = new CorrelationHarness(RareProcess);
        var hits = new List<Core.Detections.Detection>();
        for (var i = 0; i < 198; i++)
            hits.Add(h.Hit("process_creation", i, new { ComputerName = "pc1", Image = i % 2 == 0 ? "C:\\Windows\\explorer.exe" : "C:\\Windows\\svchost.exe" }));
        var rare = h.Hit("process_creation", 500, new { ComputerName = "pc1", Image = "C:\\Users\\Public\\x.exe" });
        var rare2 = h.Hit("process_creation", 501, new { ComputerName = "pc1", Image = "C:\\Temp\\y.exe" });
        hits.Add(rare);
        hits.Add(rare2);
        var fired = h.FeedAll(hits);
        fired.Count.ShouldBe(2);
        fired[0].Event.ShouldBeSameAs(rare.Event);
        fired[0].Aggregate.ShouldBe(0.5);
        fired[1].Event.ShouldBeSameAs(rare2.Event);
    }

    // Specification, "Field Name Aliases Example".
    private const string Aliases = """
        title: internal error then connection between the same hosts
        id: 6a1c1d1e-0000-4000-8000-000000000001
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
        name: internal_error
        title: internal error
        id: 6a1c1d1e-0000-4000-8000-000000000002
        logsource: {category: webserver}
        detection:
            selection:
                http.response.status_code: 500
            condition: selection
        ---
        name: new_network_connection
        title: new network connection
        id: 6a1c1d1e-0000-4000-8000-000000000003
        logsource: {category: network_connection}
        detection:
            selection:
                event.category: network
                event.type: connection
                event.outcome: success
            condition: selection
        """;

    [Fact]
    public void Aliases_group_different_fields_of_different_rules()
    {
        var h = new CorrelationHarness(Aliases);
        var error = h.Hit("internal_error", 0, new { source = new { ip = "203.0.113.7" }, destination = new { ip = "10.0.0.5" } });
        var unrelated = h.Hit("new_network_connection", 1, new { source = new { ip = "203.0.113.7" }, destination = new { ip = "10.0.0.5" } });
        var back = h.Hit("new_network_connection", 2, new { source = new { ip = "10.0.0.5" }, destination = new { ip = "203.0.113.7" } });
        var fired = h.FeedAll([error, unrelated, back]).ShouldHaveSingleItem();
        fired.Related.ShouldBe([error, back]);
        fired.GroupBy.ShouldBe([new("internal_ip", "10.0.0.5"), new("remote_ip", "203.0.113.7")]);
    }

    // The specification's complete example: a chain in one multi-document file, references by name.
    private const string FailedThenSuccessful = """
        title: Correlation - Multiple Failed Logins Followed by Successful Login
        id: b180ead8-d58f-40b2-ae54-c8940995b9b6
        status: experimental
        correlation:
            type: temporal_ordered
            rules:
                - multiple_failed_login
                - successful_login
            group-by:
                - User
            timespan: 10m
        level: high
        ---
        title: Multiple failed logons
        id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
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
    public void The_specification_example_chain_fires_once_and_only_the_outer_correlation_reports()
    {
        var h = new CorrelationHarness(FailedThenSuccessful);
        h.Set.Count.ShouldBe(2);
        h.Set.SuppressedRuleIds.ShouldBe(["53ba33fd-3a50-4468-a5ef-c583635cfa92", "4d0a2c83-c62c-4ed4-b475-c7e23a9269b8"], ignoreOrder: true);
        h.Set.ShouldReport(h.Loaded.Rules[0].Info).ShouldBeFalse();

        var hits = new List<Core.Detections.Detection>();
        hits.Add(h.Hit("successful_login", 0, new { User = "alice" })); // before the failures: not a match
        for (var i = 0; i < 10; i++)
            hits.Add(h.Hit("failed_login", 10 + i * 5, new { User = "alice", ComputerName = $"pc{i}" }));
        for (var i = 0; i < 9; i++)
            hits.Add(h.Hit("failed_login", 10 + i * 5, new { User = "bob" })); // one short
        hits.Add(h.Hit("successful_login", 200, new { User = "bob" }));
        var success = h.Hit("successful_login", 300, new { User = "alice" });
        hits.Add(success);
        var fired = h.FeedAll(hits.OrderBy(d => d.Timestamp)).ShouldHaveSingleItem();
        fired.Rule.Id.ShouldBe("b180ead8-d58f-40b2-ae54-c8940995b9b6");
        fired.Event.ShouldBeSameAs(success.Event);
        fired.Related.Count.ShouldBe(2);
        var inner = fired.Related[0];
        inner.Rule.Id.ShouldBe("a8418a5a-5fc4-46b5-b23b-6c73beb19d41");
        inner.Aggregate.ShouldBe(10);
        inner.Related.Count.ShouldBe(10);
        fired.Related[1].ShouldBeSameAs(success);
        h.Run.Counters.Fired.ShouldBe(2);
        h.Run.Counters.Reported.ShouldBe(1);
    }

    [Fact]
    public void Generate_reports_the_inner_rules_as_well()
    {
        var yaml = FailedThenSuccessful.Replace("level: high", "level: high\ngenerate: true");
        var h = new CorrelationHarness(yaml);
        h.Set.SuppressedRuleIds.ShouldBe(["53ba33fd-3a50-4468-a5ef-c583635cfa92"]); // only the inner correlation's rule
        var hits = Enumerable.Range(0, 10).Select(i => h.Hit("failed_login", i, new { User = "alice" })).Append(h.Hit("successful_login", 20, new { User = "alice" }));
        h.FeedAll(hits).Select(d => d.Rule.Title).ShouldBe(["Multiple failed logons", "Correlation - Multiple Failed Logins Followed by Successful Login"]);
    }

    [Fact]
    public void References_by_id_and_by_name_resolve_across_documents()
    {
        var yaml = """
            title: by id and by name
            correlation:
                type: temporal
                rules:
                    - first-id
                    - second
                group-by: [User]
                timespan: 1m
            ---
            """ + "\n" + BaseRule("first", 1, "first-id") + "\n---\n" + BaseRule("second", 2, "second-id");
        var h = new CorrelationHarness(yaml);
        h.FeedAll([h.Hit("first", 0, new { User = "u" }), h.Hit("second", 1, new { User = "u" })]).ShouldHaveSingleItem();
    }
}
