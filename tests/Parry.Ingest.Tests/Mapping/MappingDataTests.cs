using Parry.Core.Events;
using Parry.Ingest.Cloud;
using Parry.Ingest.Cowrie;
using Parry.Ingest.Formats;
using Parry.Ingest.LogSources;
using Parry.Ingest.Syslog;
using Parry.Ingest.Tests.Support;
using Parry.Ingest.Web;
using Parry.Ingest.Zeek;
using Parry.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Parry.Ingest.Tests.Mapping;

/// <summary>
/// Checks this project's log-source mapping data (LogSources/Data/*.yml) against the decoders: the files follow the
/// documented shape, every entry's <c>when</c> holds for real decoded events, and the actors an entry names come out
/// of those events. The evaluator here is a small independent reading of LogSources/README.md, not the product's
/// loader.
/// </summary>
public class MappingDataTests
{
    private static readonly string[] Files = ["linux.yml", "web.yml", "zeek.yml", "cloud.yml", "cowrie.yml"];
    private static readonly HashSet<string> Kinds = ["syslog", "webserver", "zeek", "cloudtrail", "cowrie", "json"];

    private sealed record Entry(
        string File, string Name, Dictionary<string, string> LogSource, Dictionary<string, string[]> When,
        Dictionary<string, string[]> Fields, List<(string Kind, string Field)> Actors);

    private static readonly List<Entry> Entries = Load();

    private static List<Entry> Load()
    {
        var entries = new List<Entry>();
        foreach (var file in Files)
        {
            var path = Path.Combine(Corpora.RepositoryRoot, "src", "Parry.Ingest", "LogSources", "Data", file);
            var yaml = new YamlStream();
            using (var reader = File.OpenText(path))
                yaml.Load(reader);
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            foreach (YamlMappingNode source in ((YamlSequenceNode)root["sources"]).Children)
            {
                var map = source.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value);
                var logsource = ((YamlMappingNode)map["logsource"]).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
                entries.Add(new Entry(file, ((YamlScalarNode)map["name"]).Value!, logsource, Values(map["when"]),
                    map.TryGetValue("fields", out var fields) ? Values(fields) : [],
                    map.TryGetValue("actors", out var actors)
                        ? ((YamlSequenceNode)actors).Children.Cast<YamlMappingNode>()
                            .Select(a => (((YamlScalarNode)a["kind"]).Value!, ((YamlScalarNode)a["field"]).Value!)).ToList()
                        : []));
            }
        }
        return entries;
    }

    private static Dictionary<string, string[]> Values(YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(
            p => ((YamlScalarNode)p.Key).Value!,
            p => p.Value is YamlSequenceNode list ? list.Children.Select(c => ((YamlScalarNode)c).Value!).ToArray() : [((YamlScalarNode)p.Value).Value!]);

    // The product's own loader and classifier over the shipped mapping (every Data/*.yml, embedded).
    private static readonly LogSourceMap Map = LogSourceMap.Load();
    private static readonly (LogSourceClassifier<EntrySet> Classifier, FieldTable Table) Real = BuildClassifier();
    private static FieldTable Table => Real.Table;

    private static (LogSourceClassifier<EntrySet>, FieldTable) BuildClassifier()
    {
        var fields = new FieldTableBuilder();
        var classifier = new LogSourceClassifier<EntrySet>(Map, fields, set => set);
        foreach (var entry in Entries)
        {
            foreach (var field in entry.Fields.Values.SelectMany(v => v))
                fields.Intern(field);
        }
        return (classifier, fields.Build());
    }

    private static (List<string> Names, List<string> Actors) Classify(Event e)
    {
        var set = Real.Classifier.Classify(e);
        return ([.. set.Entries.Select(x => x.Name)], [.. set.ActorsOf(e).Select(a => a.ToString())]);
    }

    private static Event Decode(IInputFormat format, string text, string path = "x.log")
    {
        var (events, errors) = Decoding.Run(format, text, Table, path, lastModified: new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        errors.Count.ShouldBe(0, errors.ToString());
        return events.ShouldHaveSingleItem();
    }

    [Fact]
    public void The_shipped_mapping_loads_these_files_with_the_product_loader()
    {
        foreach (var entry in Entries)
            Map.Entries.ShouldContain(e => e.Name == entry.Name && e.File.EndsWith(entry.File, StringComparison.Ordinal), entry.Name);
        Map.Entries.Single(e => e.Name == "webserver-access-log").Activity.Item.ShouldBe(["cs-uri-stem"]);
        Map.Entries.Single(e => e.Name == "linux-sshd").Activity.Failure.ShouldHaveSingleItem().Field.ShouldBe("outcome");
    }

    [Fact]
    public void Every_entry_has_the_documented_shape()
    {
        Entries.Count.ShouldBeGreaterThan(20);
        Entries.Select(e => e.Name).ShouldBeUnique();
        foreach (var entry in Entries)
        {
            entry.LogSource.Keys.ShouldAllBe(k => k == "product" || k == "category" || k == "service", entry.Name);
            entry.When.ShouldContainKey("_kind", entry.Name);
            entry.When["_kind"].ShouldAllBe(k => Kinds.Contains(k), entry.Name);
            entry.Actors.ShouldAllBe(a => a.Kind == "ip" || a.Kind == "user" || a.Kind == "host" || a.Kind == "session", entry.Name);
        }
    }

    [Fact]
    public void Sshd_events_reach_the_sshd_auth_and_syslog_entries_with_ip_then_user_then_host()
    {
        var e = Decode(new SyslogFormat(), "Mar 10 14:22:01 bastion sshd[1]: Failed password for invalid user admin from 203.0.113.9 port 41234 ssh2\n");
        var (names, actors) = Classify(e);
        names.ShouldBe(["linux-sshd", "linux-auth", "linux-syslog"]);
        actors.ShouldBe(["ip:203.0.113.9", "user:admin", "host:bastion"]);
    }

    [Fact]
    public void Sudo_events_name_the_caller_first()
    {
        var e = Decode(new SyslogFormat(), "Mar 10 14:25:40 web01 sudo: alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/sh\n");
        var (names, actors) = Classify(e);
        names.ShouldBe(["linux-sudo", "linux-auth", "linux-syslog"]);
        actors.ShouldBe(["user:alice", "host:web01"]);
    }

    [Fact]
    public void Cron_su_and_facility_entries_hold_for_their_lines()
    {
        Classify(Decode(new SyslogFormat(), "Mar 10 15:20:44 web01 crontab[3100]: (alice) REPLACE (alice)\n")).Names.ShouldContain("linux-cron");
        var su = Classify(Decode(new SyslogFormat(), "Mar 10 15:20:44 web01 su[1]: (to root) alice on pts/0\n"));
        su.Names.ShouldContain("linux-auth-su");
        su.Actors[0].ShouldBe("user:alice");
        Classify(Decode(new SyslogFormat(), "<86>Mar 10 15:20:44 web01 pkexec[9]: alice: Error executing command\n")).Names
            .ShouldContain("linux-auth-facility");
        Classify(Decode(new SyslogFormat(), "Mar 10 15:20:44 web01 named[9]: client 192.0.2.1#53: denied AXFR from x\n")).Names
            .ShouldBe(["linux-syslog"]);
    }

    [Fact]
    public void Web_events_reach_the_webserver_entry_with_the_client_as_actor()
    {
        var e = Decode(new WebAccessLogFormat(), "203.0.113.7 - frank [10/Oct/2000:13:55:36 -0700] \"GET /x?cmd=id HTTP/1.1\" 200 1 \"-\" \"curl/8\"\n");
        var (names, actors) = Classify(e);
        names.ShouldBe(["webserver-access-log"]);
        actors.ShouldBe(["ip:203.0.113.7", "user:frank"]);
        var entry = Entries.Single(x => x.Name == "webserver-access-log");
        entry.Fields["cs-uri-query"].ShouldBe(["cs-uri-query", "cs-uri"]);
    }

    [Fact]
    public void Zeek_events_reach_their_service_entry_and_the_catch_all()
    {
        var e = Decode(new ZeekJsonFormat(), "{\"ts\":1,\"uid\":\"C\",\"id.orig_h\":\"203.0.113.50\",\"method\":\"GET\",\"uri\":\"/\"}\n", "http.log");
        var (names, actors) = Classify(e);
        names.ShouldBe(["zeek-http", "zeek-any"]);
        actors.ShouldBe(["ip:203.0.113.50"]);
    }

    [Fact]
    public void CloudTrail_events_name_the_source_address_and_the_caller_arn()
    {
        var e = Decode(new CloudTrailFormat(), "{\"eventVersion\":\"1.08\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"sourceIPAddress\":\"198.51.100.20\",\"userIdentity\":{\"arn\":\"arn:aws:iam::111122223333:user/mallory\"}}\n");
        var (names, actors) = Classify(e);
        names.ShouldBe(["aws-cloudtrail"]);
        actors.ShouldBe(["ip:198.51.100.20", "user:arn:aws:iam::111122223333:user/mallory"]);
    }

    [Fact]
    public void Cowrie_events_reach_their_service_entry()
    {
        var e = Decode(new CowrieFormat(), "{\"eventid\":\"cowrie.command.input\",\"input\":\"id\",\"src_ip\":\"203.0.113.66\",\"session\":\"s1\",\"timestamp\":\"2024-05-01T12:00:00Z\"}\n");
        var (names, actors) = Classify(e);
        names.ShouldBe(["cowrie-command", "cowrie-any"]);
        actors.ShouldBe(["ip:203.0.113.66"]);
    }
}
