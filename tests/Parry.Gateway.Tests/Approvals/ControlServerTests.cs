using System.Net.Sockets;
using Parry.Gateway.Approvals;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Approvals;

public class ControlServerTests
{
    private static PendingApproval View(string id) =>
        new(id, "s", "srv", "fetch_url", "{\"url\":\"http://x\"}", "scope", "outside scope", ["url http://x"], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(2));

    [Fact]
    public async Task The_socket_is_private_and_lists_approves_and_denies()
    {
        using var dir = new TempDirectory();
        var socket = dir.File("ctl.sock");
        var queue = new ApprovalQueue(TimeProvider.System);
        await using (var server = await ControlServer.StartAsync(socket, queue, new ControlInfo(42, "stdio", "srv", "p.yml")))
        {
            (File.GetUnixFileMode(socket) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)).ShouldBe(UnixFileMode.None);
            var first = queue.HoldAsync(View("aaa"), TimeSpan.FromMinutes(2), CancellationToken.None);
            var second = queue.HoldAsync(View("bbb"), TimeSpan.FromMinutes(2), CancellationToken.None);

            var output = new StringWriter();
            (await ApprovalsConsole.ListAsync(socket, json: false, output, TextWriter.Null)).ShouldBe(0);
            output.ToString().ShouldContain("aaa  srv/fetch_url  rule scope");
            output.ToString().ShouldContain("why:       outside scope");

            var json = new StringWriter();
            (await ApprovalsConsole.ListAsync(socket, json: true, json, TextWriter.Null)).ShouldBe(0);
            json.ToString().ShouldContain("\"pid\":42");

            (await ApprovalsConsole.DecideAsync("aaa", approve: true, "fine", socket, TextWriter.Null, TextWriter.Null)).ShouldBe(0);
            (await first).Reason.ShouldBe("fine");
            (await ApprovalsConsole.DecideAsync("bbb", approve: false, null, socket, TextWriter.Null, TextWriter.Null)).ShouldBe(0);
            (await second).Approved.ShouldBeFalse();

            var error = new StringWriter();
            (await ApprovalsConsole.DecideAsync("zzz", approve: true, null, socket, TextWriter.Null, error)).ShouldBe(1);
            error.ToString().ShouldContain("no gateway holds a call with id zzz");
        }
        File.Exists(socket).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stale_socket_is_replaced_but_a_live_one_is_not_taken_over()
    {
        using var dir = new TempDirectory();
        var socket = dir.File("ctl.sock");
        // A gateway that crashed leaves its socket file behind: bound, then closed without the unlink Dispose does.
        var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(socket));
        stale.SafeHandle.Dispose();
        File.Exists(socket).ShouldBeTrue();
        var queue = new ApprovalQueue(TimeProvider.System);
        await using var server = await ControlServer.StartAsync(socket, queue, new ControlInfo(1, "stdio", "a", "p"));
        (await Should.ThrowAsync<InvalidOperationException>(() => ControlServer.StartAsync(socket, queue, new ControlInfo(2, "stdio", "b", "p"))))
            .Message.ShouldContain("another gateway");
    }

    [Fact]
    public async Task A_regular_file_in_the_way_is_never_deleted()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("notes.txt"), "precious");
        (await Should.ThrowAsync<InvalidOperationException>(() =>
            ControlServer.StartAsync(dir.File("notes.txt"), new ApprovalQueue(TimeProvider.System), new ControlInfo(1, "stdio", "a", "p"))))
            .Message.ShouldContain("not a socket");
        File.ReadAllText(dir.File("notes.txt")).ShouldBe("precious");
    }

    [Fact]
    public async Task A_folder_others_may_write_to_is_refused()
    {
        using var dir = new TempDirectory();
        var open = dir.File("open");
        Directory.CreateDirectory(open);
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111);
        (await Should.ThrowAsync<InvalidOperationException>(() =>
            ControlServer.StartAsync(Path.Combine(open, "ctl.sock"), new ApprovalQueue(TimeProvider.System), new ControlInfo(1, "stdio", "a", "p"))))
            .Message.ShouldContain("writable by others");
    }

    [Fact]
    public async Task An_unreachable_gateway_is_a_clear_error()
    {
        var error = new StringWriter();
        (await ApprovalsConsole.ListAsync("/tmp/no-such-parry.sock", json: false, TextWriter.Null, error)).ShouldBe(1);
        error.ToString().ShouldContain("cannot reach the gateway at /tmp/no-such-parry.sock");
    }
}
