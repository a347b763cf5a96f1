using Parry.Ingest.Traces.Formats;
using static Parry.Ingest.Tests.Traces.TraceTestSupport;

namespace Parry.Ingest.Tests.Traces;

public class SweAgentTrajectoryFormatTests
{
    private static readonly SweAgentTrajectoryFormat Format = new();

    [Fact]
    public void Edit_bodies_are_split_from_their_command()
    {
        const string traj = """
            {"environment": "swe_main", "trajectory": [
              {"action": "create exploit.py\n", "observation": "[File: exploit.py]"},
              {"action": "edit 1:3\nimport socket\ns = socket.create_connection((\"198.51.100.9\", 9999))\nend_of_edit\n", "observation": "ok"},
              {"action": "python exploit.py", "observation": ""}
            ], "info": {"exit_status": "submitted"}}
            """;
        var (events, errors) = ReadText(Format, traj, "x.traj");
        errors.ShouldBeEmpty();
        events.Count.ShouldBe(3);
        String(events[1], "arguments.command").ShouldBe("edit 1:3");
        String(events[1], "arguments.text").ShouldBe("import socket\ns = socket.create_connection((\"198.51.100.9\", 9999))");
        Strings(events[1], "target.ips").ShouldBe(["198.51.100.9"]);
        String(events[2], "arguments.command").ShouldBe("python exploit.py");
        events[2].Has(Id("arguments.text")).ShouldBeFalse();
    }

    [Fact]
    public void History_before_the_trajectory_is_not_counted_twice()
    {
        const string traj = """
            {"history": [{"role": "assistant", "action": "ls", "message_type": "action"}],
             "trajectory": [{"action": "ls", "observation": "a b"}]}
            """;
        var (events, errors) = ReadText(Format, traj);
        errors.ShouldBeEmpty();
        events.ShouldHaveSingleItem();
    }

    [Fact]
    public void Bad_steps_are_reported_and_the_rest_read()
    {
        const string traj = """
            {"trajectory": [{"action": "id"}, {"observation": "no action"}, 42, {"action": ["not", "a", "string"]}, {"action": "whoami"}]}
            """;
        var (events, errors) = ReadText(Format, traj, "bad.traj");
        events.Select(e => e.Origin.Record).ShouldBe([1L, 5L]);
        errors.Select(e => e.Record).ShouldBe([2L, 3L, 4L]);
        errors.ShouldAllBe(e => e.Path == "bad.traj" && e.Message.Contains("action"));
    }

    [Theory]
    [InlineData("{\"trajectory\": [{\"action\": \"id\"}, {\"action\": \"who", 1)]
    [InlineData("{\"trajectory\": [{\"action\": \"id\"}, ]}", 1)]
    [InlineData("{\"trajectory\": {\"action\": \"id\"}}", 0)]
    [InlineData("[1, 2, 3]", 0)]
    [InlineData("", 0)]
    [InlineData("{}", 0)]
    [InlineData("{\"trajectory\": [] } garbage", 0)]
    public void Truncated_and_malformed_files_are_reported(string text, int expectedEvents)
    {
        var (events, errors) = ReadText(Format, text);
        events.Count.ShouldBe(expectedEvents);
        if (text is not ("" or "{}"))
            errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_step_larger_than_the_record_bound_is_skipped()
    {
        // Many small tokens: the step is larger than the bound though no single token is.
        var huge = "[" + string.Join(',', Enumerable.Repeat("\"" + new string('x', 300) + "\"", 1000)) + "]";
        var traj = $$"""{"trajectory": [{"action": "id"}, {"action": "cat x", "observation": {{huge}}}, {"action": "whoami"}]}""";
        var (events, errors) = ReadText(Format, traj, context: new Parry.Ingest.DecodeContext(Fields, new NullSink()) { MaxRecordBytes = 100_000 });
        events.Select(e => String(e, "arguments.command")).ShouldBe(["id", "whoami"]);
        errors.ShouldHaveSingleItem().Message.ShouldContain("larger than 100000 bytes");
    }

    [Fact]
    public void A_token_beyond_every_bound_stops_the_file_with_an_error()
    {
        var huge = new string('x', 300_000);
        var traj = $$"""{"info": "{{huge}}", "trajectory": [{"action": "id"}]}""";
        var (events, errors) = ReadText(Format, traj, context: new Parry.Ingest.DecodeContext(Fields, new NullSink()) { MaxRecordBytes = 100_000 });
        events.ShouldBeEmpty();
        errors.ShouldHaveSingleItem().Message.ShouldContain("longer than 100000 bytes");
    }

    private sealed class NullSink : Parry.Core.Diagnostics.IInputErrorSink
    {
        public void Report(Parry.Core.Diagnostics.InputError error)
        {
        }
    }
}
