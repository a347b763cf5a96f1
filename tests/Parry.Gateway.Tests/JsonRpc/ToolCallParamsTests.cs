using System.Text;
using Parry.Gateway.JsonRpc;

namespace Parry.Gateway.Tests.JsonRpc;

public class ToolCallParamsTests
{
    private static (bool Ok, ToolCallParams Params, string Problem, byte[] Bytes) Read(string paramsJson)
    {
        var bytes = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":""" + paramsJson + "}");
        var message = JsonRpcParser.Parse(bytes);
        var ok = ToolCallParams.TryRead(bytes, message.Params, out var p, out var problem);
        return (ok, p, problem, bytes);
    }

    [Fact]
    public void Reads_name_and_arguments()
    {
        var (ok, p, _, bytes) = Read("""{"name":"fetch_url","arguments":{"url":"http://x"},"_meta":{"progressToken":1}}""");
        ok.ShouldBeTrue();
        p.Name.ShouldBe("fetch_url");
        Encoding.UTF8.GetString(p.Arguments.Of(bytes.AsSpan())).ShouldBe("""{"url":"http://x"}""");
        p.IsTask.ShouldBeFalse();
    }

    [Fact]
    public void Arguments_may_be_missing_or_null()
    {
        Read("""{"name":"a"}""").Ok.ShouldBeTrue();
        Read("""{"name":"a","arguments":null}""").Params.Arguments.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Notices_task_augmented_calls() => Read("""{"name":"a","task":{"ttl":1000}}""").Params.IsTask.ShouldBeTrue();

    [Theory]
    [InlineData("""{"arguments":{}}""", "without a tool name")]
    [InlineData("""{"name":1}""", "must be a string")]
    [InlineData("""{"name":"a","name":"b"}""", "duplicate")]
    [InlineData("""{"name":"a","arguments":{},"arguments":{"x":1}}""", "duplicate")]
    [InlineData("""{"name":"a","arguments":[1]}""", "must be an object")]
    [InlineData("""[]""", "must be an object")]
    public void Malformed_calls_are_refused(string paramsJson, string problem)
    {
        var (ok, _, why, _) = Read(paramsJson);
        ok.ShouldBeFalse();
        why.ShouldContain(problem);
    }
}
