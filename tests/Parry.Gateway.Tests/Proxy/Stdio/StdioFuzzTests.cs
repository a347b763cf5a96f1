using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Proxy.Stdio;

/// <summary>
/// Random mixes of well-formed messages and junk through the whole stdio path (framing, parsing, judging), with
/// <c>cat</c> as the server so whatever is forwarded comes straight back: every line gets exactly one answer, in
/// order — the message itself when it passes, an error when it does not — and nothing hangs.
/// </summary>
public class StdioFuzzTests
{
    private static readonly Gen<string> Junk = Gen.OneOf(
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get.Replace('\n', ' ').Replace('\r', ' ')).Where(s => s.Trim().Length > 0),
        Gen.Elements("{", "[]", "null", "{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"method\":\"y\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"x\"}", "\u00ff\u00fe", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"} trailing"));

    private static readonly Gen<string> Valid = Gen.Choose(1, 1_000_000).Select(i =>
        "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"resources/read\",\"params\":{\"uri\":\"test://" + i + "\",\"note\":\"é\\u0000\\\"x\\\"\"}}");

    [Fact]
    public async Task Every_line_gets_exactly_one_answer_in_order()
    {
        await using var gateway = StdioHarness.Start(command: ["cat"]);
        var lines = Gen.Frequency((1, Junk.Select(j => (Line: j, Valid: false))), (2, Valid.Select(v => (Line: v, Valid: true)))).NonEmptyListOf();
        Prop.ForAll(lines.ToArbitrary(), batch =>
        {
            foreach (var (line, valid) in batch)
            {
                gateway.SendAsync(line).GetAwaiter().GetResult();
                var answer = gateway.ReceiveLineAsync().GetAwaiter().GetResult();
                if (valid)
                {
                    if (answer != line)
                        return false;
                }
                else if (!JsonDocument.Parse(answer).RootElement.GetProperty("error").GetProperty("message").GetString()!.StartsWith("parry: ", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }
}
