using Parry.Ingest.Json;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Json;

public class JsonFormatTests
{
    private static readonly JsonFormat Format = new();

    [Fact]
    public void Jsonl_gives_one_event_per_line_with_record_index_and_time()
    {
        var text = """
            {"@timestamp":"2024-05-01T12:00:00.250Z","host":"web01","user":"alice"}
            {"timestamp":1714564800,"host":"web02"}
            {"time":1714564800123,"host":"web03"}
            """;
        var fields = Decoding.Fields("host", "user");
        var (events, errors) = Decoding.Run(Format, text, fields, "logs/app.jsonl");

        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(3);
        events.Select(e => e.Origin.Record).ShouldBe([1L, 2L, 3L]);
        events.ShouldAllBe(e => e.SourceKind == "json" && e.Origin.Path == "logs/app.jsonl");
        events[0].GetString(fields.IdOf("user")).ShouldBe("alice");
        events[0].Timestamp.ShouldBe(new DateTimeOffset(2024, 5, 1, 12, 0, 0, 250, TimeSpan.Zero));
        events[1].Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1714564800));
        events[2].Timestamp.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1714564800123));
    }

    [Fact]
    public void An_array_of_objects_gives_one_event_per_item()
    {
        var text = """
            [
              {"a": 1, "nested": {"b": [1, 2, {"c": "x"}]}},
              {"a": 2},
              {"a": 3}
            ]
            """;
        var fields = Decoding.Fields("a", "nested.b.c");
        var (events, errors) = Decoding.Run(Format, text, fields);
        errors.Count.ShouldBe(0, errors.ToString());
        events.Select(e => e.GetString(fields.IdOf("a"))).ShouldBe(["1", "2", "3"]);
        events[0].GetString(fields.IdOf("nested.b.c")).ShouldBe("x");
    }

    [Fact]
    public void Concatenated_pretty_printed_objects_are_separate_records()
    {
        var text = "{\n  \"a\": \"one\",\n  \"b\": {\n    \"c\": 1\n  }\n}\n{\n  \"a\": \"two\"\n}{\"a\":\"three\"}\n";
        var fields = Decoding.Fields("a");
        var (events, errors) = Decoding.Run(Format, text, fields);
        errors.Count.ShouldBe(0, errors.ToString());
        events.Select(e => e.GetString(fields.IdOf("a"))).ShouldBe(["one", "two", "three"]);
    }

    [Fact]
    public void Evtx_dump_records_take_their_time_from_SystemTime()
    {
        var text = """
            {
              "Event": {
                "System": {
                  "EventID": 4625,
                  "TimeCreated": { "#attributes": { "SystemTime": "2024-05-01T12:00:00.123456Z" } },
                  "Channel": "Security"
                },
                "EventData": { "TargetUserName": "alice", "time": "2020-01-01T00:00:00Z" }
              },
              "timestamp": "2019-01-01T00:00:00Z"
            }
            """;
        var fields = Decoding.Fields("EventID", "Channel", "TargetUserName");
        var (events, errors) = Decoding.Run(Format, text, fields);
        errors.Count.ShouldBe(0, errors.ToString());
        var e = events.ShouldHaveSingleItem();
        e.Timestamp.ShouldBe(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234560));
        e.GetString(fields.IdOf("EventID")).ShouldBe("4625");
        e.GetString(fields.IdOf("TargetUserName")).ShouldBe("alice");
    }

    [Fact]
    public void The_first_readable_timestamp_field_in_preference_order_wins()
    {
        var text = """{"date":"2020-01-01","time":"2021-06-01T10:00:00+02:00","extra":1}""";
        var (events, errors) = Decoding.Run(Format, text);
        errors.Count.ShouldBe(0);
        events.ShouldHaveSingleItem().Timestamp.ShouldBe(new DateTimeOffset(2021, 6, 1, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void An_unreadable_timestamp_is_reported_and_the_event_kept_without_time()
    {
        var text = "{\"timestamp\":\"yesterday at noon\",\"a\":1}\n{\"timestamp\":\"2024-02-30T00:00:00Z\"}\n";
        var (events, errors) = Decoding.Run(Format, text, path: "t.json");
        events.Count.ShouldBe(2);
        events.ShouldAllBe(e => e.Timestamp == null);
        errors.Count.ShouldBe(2);
        errors.All[0].Record.ShouldBe(1);
        errors.All[0].Message.ShouldContain("'timestamp' is not a time");
        errors.All[1].Record.ShouldBe(2);
    }

    [Fact]
    public void Escapes_unicode_and_numbers_keep_their_values()
    {
        var text = """{"s":"a\"b\\c\u00e9\ud83d\ude00\n","n":-12.5e3,"big":123456789012345678901234567890,"t":true,"f":false,"z":null}""";
        var fields = Decoding.Fields("s", "n", "big", "t", "z");
        var (events, errors) = Decoding.Run(Format, text, fields);
        errors.Count.ShouldBe(0, errors.ToString());
        var e = events.ShouldHaveSingleItem();
        e.GetString(fields.IdOf("s")).ShouldBe("a\"b\\cé😀\n");
        e.GetString(fields.IdOf("n")).ShouldBe("-12.5e3");
        e.TryGetValue(fields.IdOf("n"), out var n).ShouldBeTrue();
        n.TryGetDouble(out var d).ShouldBeTrue();
        d.ShouldBe(-12500);
        e.GetString(fields.IdOf("big")).ShouldBe("123456789012345678901234567890");
        e.TryGetValue(fields.IdOf("t"), out var t).ShouldBeTrue();
        t.TryGetBoolean(out var b).ShouldBeTrue();
        b.ShouldBeTrue();
        e.TryGetValue(fields.IdOf("z"), out var z).ShouldBeTrue();
        z.IsNull.ShouldBeTrue();
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        var bytes = "\uFEFF{\"a\":1}\r\n{\"a\":2}\r\n"u8.ToArray();
        var (events, errors) = Decoding.Run(Format, bytes);
        errors.Count.ShouldBe(0, errors.ToString());
        events.Count.ShouldBe(2);
    }

    [Fact]
    public void Probe_claims_json_and_not_text()
    {
        Format.Probe("{\"a\":1}"u8, "x.json").ShouldBe(JsonFormat.Score);
        Format.Probe("  [ {\"a\":1}, "u8, "x").ShouldBe(JsonFormat.Score);
        Format.Probe("{\"a\": tru"u8, "x").ShouldBe(JsonFormat.Score); // the head may end inside a record
        Format.Probe("{\"a\" 1}"u8, "x").ShouldBe(JsonFormat.InvalidScore);
        Format.Probe("Mar 10 14:22:01 host sshd[1]: x"u8, "auth.log").ShouldBe(0);
        Format.Probe(""u8, "empty.json").ShouldBe(0);
    }
}
