using System.Text.Json;
using Parry.Gateway.Audit;
using Parry.Gateway.Decisions;
using Parry.Gateway.Policy;
using Parry.Gateway.Policy.Limits;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Audit;

public class AuditLogTests
{
    [Fact]
    public void Writes_one_redacted_object_per_line()
    {
        using var stream = new MemoryStream();
        var time = new ManualTime();
        using var log = new AuditLog(stream, time);
        var session = new SessionState("s1", "stdio", "srv", new SessionRateLimiter(RateLimit.None, time));
        var call = new CallContext(session, Requests.Call("login", """{"user":"u","password":"p"}"""), "1"u8.ToArray(), "n:1", 0);
        log.WriteDecision(call, new Verdict(PolicyAction.Deny, "scope", "out"), TimeSpan.FromMicroseconds(12.5), null);
        log.WriteRejected(session, "7", "malformed_call", "bad");

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        using var first = JsonDocument.Parse(lines[0]);
        first.RootElement.GetProperty("decision").GetString().ShouldBe("deny");
        first.RootElement.GetProperty("arguments").GetProperty("password").GetString().ShouldBe("[REDACTED]");
        first.RootElement.GetProperty("latency_us").GetDouble().ShouldBe(12.5);
        first.RootElement.GetProperty("time").GetDateTimeOffset().ShouldBe(time.GetUtcNow());
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("rule").GetString().ShouldBe("malformed_call");
    }

    [Fact]
    public void A_write_that_fails_throws_instead_of_losing_the_record()
    {
        var time = new ManualTime();
        using var log = new AuditLog(new BrokenStream(), time, path: "audit.jsonl");
        var session = new SessionState("s1", "stdio", "srv", new SessionRateLimiter(RateLimit.None, time));
        Should.Throw<AuditWriteException>(() => log.WriteRejected(session, "1", "r", "x")).Message.ShouldContain("audit.jsonl");
    }

    [Fact]
    public void Opening_appends_and_keeps_the_file_private()
    {
        using var dir = new TempDirectory();
        var path = dir.File("audit.jsonl");
        File.WriteAllText(path, "{\"earlier\":true}\n");
        var time = new ManualTime();
        using (var log = AuditLog.OpenFile(path, time))
            log.WriteRejected(new SessionState("s", "stdio", "srv", new SessionRateLimiter(RateLimit.None, time)), "1", "r", "x");
        File.ReadAllLines(path).Length.ShouldBe(2);
        var fresh = dir.File("fresh.jsonl");
        AuditLog.OpenFile(fresh, time).Dispose();
        (File.GetUnixFileMode(fresh) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None);
    }

    internal sealed class BrokenStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }
}
