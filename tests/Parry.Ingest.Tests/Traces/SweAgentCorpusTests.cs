using Parry.Core.Events;
using Parry.Ingest.Traces.Formats;
using Parry.TestSupport;
using static Parry.Ingest.Tests.Traces.TraceTestSupport;

namespace Parry.Ingest.Tests.Traces;

/// <summary>
/// The recorded SWE-agent sessions in ../shared/corpora/agent-traces/swe-agent-demos: every trajectory decodes; the
/// two that attack a network service are recognised as offensive with their targets; the coding sessions show
/// nothing beyond benign discovery. The recognisers are general; nothing here is keyed to these files.
/// </summary>
public class SweAgentCorpusTests
{
    private static readonly SweAgentTrajectoryFormat Format = new();

    private static string Demos => Path.Combine(Corpora.AgentTraces, "trajectories", "demonstrations");

    private static IEnumerable<string> TrajectoryFiles() =>
        Directory.EnumerateFiles(Demos, "*.traj", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Demos, f))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> Trajectories() => [.. TrajectoryFiles()];

    private static List<Event> Read(string relative)
    {
        var (events, errors) = ReadFile(Format, Path.Combine(Demos, relative), relative);
        errors.ShouldBeEmpty();
        return events;
    }

    [Theory]
    [MemberData(nameof(Trajectories))]
    public void Every_trajectory_decodes_without_error(string relative)
    {
        var file = Path.Combine(Demos, relative);
        Format.Probe(File.ReadAllBytes(file).AsSpan(0, (int)Math.Min(64 * 1024, new FileInfo(file).Length)), Path.GetFileName(file)).ShouldBeGreaterThanOrEqualTo(90);
        var events = Read(relative);
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e.SourceKind == "mcp" && e.Origin.Path == relative);
        events.Select(e => e.Origin.Record).ShouldBeInOrder();
        events.ShouldAllBe(e => e.PrimaryActor!.Value.Value == relative); // the session is the trace's path as given
    }

    [Fact]
    public void Trajectory_steps_become_calls_in_order()
    {
        var events = Read(Path.Combine("ctf", "web", "i_got_id_demo.traj"));
        events.Count.ShouldBe(21);
        String(events[0], "tool").ShouldBe("bash");
        String(events[0], "server").ShouldBe("swe-agent");
        String(events[0], "arguments.command").ShouldBe("curl http://web.chal.csaw.io:8000");
        String(events[0], "result.text")!.ShouldNotBeNullOrEmpty();
        events[0].Origin.Record.ShouldBe(1);
    }

    [Fact]
    public void The_web_challenge_session_attacks_a_web_service()
    {
        var events = Read(Path.Combine("ctf", "web", "i_got_id_demo.traj"));
        var offensive = events.Where(e => String(e, "command.offensive") == "true").ToList();
        offensive.Count.ShouldBeGreaterThanOrEqualTo(5);
        var categories = offensive.SelectMany(e => Strings(e, "command.categories")).ToHashSet();
        categories.ShouldContain("web-attack");       // command injection and path traversal in request parameters
        categories.ShouldContain("sensitive-file");   // /etc/passwd requested through the CGI script
        var tactics = events.SelectMany(e => Strings(e, "attack.tactics")).ToHashSet();
        tactics.ShouldContain("initial-access");
        var hosts = events.SelectMany(e => Strings(e, "target.hosts")).ToHashSet();
        hosts.ShouldBe(["web.chal.csaw.io"]);
        events.SelectMany(e => Strings(e, "target.ports")).ToHashSet().ShouldBe(["8000"]);
        events.SelectMany(e => Strings(e, "target.classes")).ToHashSet().ShouldBe(["public"]);
        events.SelectMany(e => Strings(e, "attack.techniques")).ShouldContain("T1190");
    }

    [Fact]
    public void The_pwn_challenge_session_exploits_a_network_service()
    {
        var events = Read(Path.Combine("ctf", "pwn", "warmup.traj"));
        var exploit = events.Where(e => Strings(e, "command.recognised").Contains("exploit-code-remote")).ToList();
        exploit.ShouldNotBeEmpty();
        var call = exploit[0];
        Strings(call, "command.categories").ShouldContain("exploitation");
        Strings(call, "target.hosts").ShouldBe(["pwn.chal.csaw.io"]);
        Strings(call, "target.ports").ShouldBe(["8000"]);
        Strings(call, "attack.tactics").ShouldContain("initial-access");
        Strings(call, "attack.techniques").ShouldContain("T1190");
        String(call, "arguments.text")!.ShouldContain("from pwn import *");
    }

    public static TheoryData<string> CodingSessions() =>
    [
        .. TrajectoryFiles().Where(r =>
        {
            var name = r.Replace('\\', '/');
            return name.StartsWith("replay__", StringComparison.Ordinal) || name.StartsWith("human_thought__", StringComparison.Ordinal)
                || name == "function_calling_simple.traj";
        }),
    ];

    [Theory]
    [MemberData(nameof(CodingSessions))]
    public void Coding_sessions_show_nothing_beyond_benign_discovery(string relative)
    {
        var events = Read(relative);
        foreach (var e in events)
        {
            String(e, "command.offensive").ShouldBe("false", String(e, "arguments.command"));
            Strings(e, "command.categories").ShouldAllBe(c => c == "discovery");
        }
    }

    [Fact]
    public void Function_calling_history_gives_structured_tool_calls()
    {
        var events = Read("function_calling_simple.traj");
        events.Select(e => String(e, "tool")).ShouldBe(["find_file", "open", "edit", "bash", "submit"]);
        String(events[0], "arguments.file_name").ShouldBe("missing_colon.py");
        String(events[3], "arguments.command").ShouldBe("python tests/missing_colon.py");
        String(events[3], "request_id").ShouldBe("call_5O339epJ3rKjEal3Kuvpj9bM");
        String(events[3], "result.text")!.ShouldStartWith("8.2");
    }
}
