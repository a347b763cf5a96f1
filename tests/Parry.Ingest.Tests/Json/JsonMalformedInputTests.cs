using System.Text;
using Parry.Ingest.Json;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Json;

public class JsonMalformedInputTests
{
    private static readonly JsonFormat Format = new();
    private static readonly Core.Events.FieldTable Fields = Decoding.Fields("a");

    private static List<string?> Values(IEnumerable<Core.Events.Event> events) =>
        events.Select(e => e.GetString(Fields.IdOf("a"))).ToList();

    [Fact]
    public void A_malformed_jsonl_line_is_reported_with_record_and_line_and_the_next_line_is_read()
    {
        var text = "{\"a\":1}\n{\"a\":2,,}\n{\"a\":3}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields, "x.jsonl");
        Values(events).ShouldBe(["1", "3"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Path.ShouldBe("x.jsonl");
        error.Record.ShouldBe(2);
        error.Message.ShouldStartWith("line 2: malformed JSON");
        events[1].Origin.Record.ShouldBe(3);
    }

    [Fact]
    public void A_truncated_jsonl_line_resumes_at_the_next_line()
    {
        var text = "{\"a\":1}\n{\"a\":\"unterminated\n{\"a\":3}\n{\"a\":4, \"b\": {\n{\"a\":5}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        Values(events).ShouldBe(["1", "3", "5"]);
        errors.Count.ShouldBe(2, errors.ToString());
        errors.All[0].Record.ShouldBe(2);
        errors.All[0].Message.ShouldContain("line 2");
        errors.All[1].Record.ShouldBe(4);
        errors.All[1].Message.ShouldContain("line 4");
    }

    [Fact]
    public void A_pretty_printed_object_cut_short_resumes_at_the_next_object()
    {
        var text = "{\n  \"a\": \"1\"\n}\n{\n  \"a\": \"2\",\n  \"b\": {\n    \"c\": 1\n{\n  \"a\": \"3\"\n}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        Values(events).ShouldBe(["1", "3"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(2);
        error.Message.ShouldContain("line 4");
        error.Message.ShouldContain("not closed before the object that starts at line 8");
    }

    [Fact]
    public void A_pretty_printed_string_broken_by_a_line_end_resumes_at_the_next_top_level_object()
    {
        var text = "{\n  \"a\": \"1\"\n}\n{\n  \"a\": \"2\n  \"b\": {\n    \"c\": 1\n  }\n}\n{\n  \"a\": \"3\"\n}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        Values(events).ShouldBe(["1", "3"]);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(2);
    }

    [Fact]
    public void Text_that_is_not_json_between_records_is_one_located_error()
    {
        var text = "{\"a\":1}\nthis is not json\nneither is this\n{\"a\":2}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        Values(events).ShouldBe(["1", "2"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("lines 2-3: not JSON");
        error.Message.ShouldContain("this is not json");
        events[1].Origin.Record.ShouldBe(2);
    }

    [Fact]
    public void Binary_garbage_is_reported_and_reading_goes_on()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            if (garbage[i] is (byte)'{' or (byte)'[')
                garbage[i] = 0;
        }
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}\n").Concat(garbage).Concat(Encoding.UTF8.GetBytes("\n{\"a\":2}\n")).ToArray();
        var (events, errors) = Decoding.Run(Format, bytes, Fields);
        Values(events).ShouldBe(["1", "2"]);
        errors.Count.ShouldBeGreaterThan(0);
        errors.All.ShouldAllBe(e => e.Message.Contains("not JSON"));
    }

    [Fact]
    public void A_record_over_the_limit_is_reported_and_skipped_and_the_next_is_read()
    {
        var big = "{\"a\":\"" + new string('x', 5000) + "\"}";
        var text = "{\"a\":1}\n" + big + "\n{\"a\":3}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields, maxRecordBytes: 1024);
        Values(events).ShouldBe(["1", "3"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(2);
        error.Message.ShouldContain("larger than 1024 bytes");
        events[1].Origin.Record.ShouldBe(3);
    }

    [Fact]
    public void Nesting_deeper_than_the_limits_is_a_located_error()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var text = "{\"a\":1}\n{\"x\":" + deep + "}\n{\"a\":3}\n";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        Values(events).ShouldBe(["1", "3"]);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(2);
    }

    [Fact]
    public void Items_of_an_array_that_are_not_objects_are_reported()
    {
        var text = "[{\"a\":1}, 42, \"str\\\"ing\", [1,2], {\"a\":5}]";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        Values(events).ShouldBe(["1", "5"]);
        errors.Count.ShouldBe(3, errors.ToString());
        errors.All.ShouldAllBe(e => e.Message.Contains("not an object"));
        events[1].Origin.Record.ShouldBe(5);
    }

    [Fact]
    public void A_file_ending_inside_an_array_is_reported()
    {
        var (events, errors) = Decoding.Run(Format, "[{\"a\":1},\n{\"a\":2}", Fields);
        Values(events).ShouldBe(["1", "2"]);
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("ends inside an array");
    }

    [Fact]
    public void A_file_ending_inside_an_object_is_reported()
    {
        var (events, errors) = Decoding.Run(Format, "{\"a\":1}\n{\"a\":2, \"b\":[1,", Fields);
        Values(events).ShouldBe(["1"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Record.ShouldBe(2);
        error.Message.ShouldContain("not closed at the end of the file");
    }

    [Fact]
    public void Invalid_utf8_in_strings_is_read_with_replacement_characters()
    {
        byte[] bytes = [.. "{\"a\":\"ab"u8, 0xff, 0xfe, .. "\"}\n"u8];
        var (events, errors) = Decoding.Run(Format, bytes, Fields);
        errors.Count.ShouldBe(0, errors.ToString());
        events.ShouldHaveSingleItem().GetString(Fields.IdOf("a")).ShouldBe("ab\uFFFD\uFFFD");
    }

    [Fact]
    public void Invalid_utf8_in_an_escaped_string_is_a_located_error()
    {
        byte[] bytes = [.. "{\"a\":1}\n{\"a\":\"\\n"u8, 0xff, .. "\"}\n{\"a\":3}\n"u8];
        var (events, errors) = Decoding.Run(Format, bytes, Fields);
        Values(events).ShouldBe(["1", "3"]);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(2);
    }

    [Fact]
    public void Top_level_scalars_are_not_records()
    {
        var (events, errors) = Decoding.Run(Format, "42\n\"text\"\n{\"a\":1}\n", Fields);
        Values(events).ShouldBe(["1"]);
        errors.All.ShouldHaveSingleItem().Message.ShouldStartWith("lines 1-2: not JSON");
    }

    [Fact]
    public void In_an_indented_array_a_broken_item_resumes_at_the_next_item()
    {
        var text = "[\n  {\n    \"a\": \"1\"\n  },\n  {\n    \"a\": \"2\n    \"b\": {\n      \"c\": 1\n    }\n  },\n  {\n    \"a\": \"3\"\n  }\n]\n";
        var (events, errors) = Decoding.Run(Format, text, Fields);
        Values(events).ShouldBe(["1", "3"]);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(2);
    }

    [Fact]
    public void An_oversize_item_of_an_array_is_skipped_and_the_next_item_read()
    {
        var text = "[{\"a\":1},{\"a\":\"" + new string('x', 3000) + "\"},{\"a\":3}]";
        var (events, errors) = Decoding.Run(Format, text, Fields, maxRecordBytes: 500);
        Values(events).ShouldBe(["1", "3"]);
        errors.All.ShouldHaveSingleItem().Record.ShouldBe(2);
        events[1].Origin.Record.ShouldBe(3);
    }

    [Fact]
    public void A_one_line_array_cut_off_inside_an_item_reports_that_item_and_the_open_array()
    {
        var (events, errors) = Decoding.Run(Format, "[{\"a\":1},{\"a\":2},{\"a\":", Fields);
        Values(events).ShouldBe(["1", "2"]);
        errors.Count.ShouldBe(2, errors.ToString());
        errors.All[0].Record.ShouldBe(3);
        errors.All[1].Message.ShouldContain("ends inside an array");
    }

    [Fact]
    public void Empty_input_and_blank_lines_give_nothing_and_no_error()
    {
        Decoding.Run(Format, "", Fields).Events.ShouldBeEmpty();
        var (events, errors) = Decoding.Run(Format, "\n\n  \n{\"a\":1}\n\n\n{\"a\":2}\n\n", Fields);
        Values(events).ShouldBe(["1", "2"]);
        errors.Count.ShouldBe(0);
        events[1].Origin.Record.ShouldBe(2);
    }
}
