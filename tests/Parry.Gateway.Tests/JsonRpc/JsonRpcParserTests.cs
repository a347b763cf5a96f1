using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Parry.Gateway.JsonRpc;

namespace Parry.Gateway.Tests.JsonRpc;

public class JsonRpcParserTests
{
    private static JsonRpcMessage Parse(string json) => JsonRpcParser.Parse(Encoding.UTF8.GetBytes(json));

    private static string IdOf(string json) => Encoding.UTF8.GetString(Parse(json).Id.Of(Encoding.UTF8.GetBytes(json).AsSpan()));

    [Fact]
    public void Tells_requests_notifications_and_responses_apart()
    {
        Parse("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""").Kind.ShouldBe(JsonRpcMessageKind.Request);
        Parse("""{"jsonrpc":"2.0","method":"notifications/initialized"}""").Kind.ShouldBe(JsonRpcMessageKind.Notification);
        Parse("""{"jsonrpc":"2.0","id":"a","result":{}}""").Kind.ShouldBe(JsonRpcMessageKind.Response);
        Parse("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}""").Kind.ShouldBe(JsonRpcMessageKind.Response);
        Parse("""[{"jsonrpc":"2.0","id":1,"method":"tools/call"}]""").Kind.ShouldBe(JsonRpcMessageKind.Batch);
    }

    [Fact]
    public void Recognises_tools_call_even_when_escaped()
    {
        Parse("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}}""").IsToolsCall.ShouldBeTrue();
        Parse("""{"jsonrpc":"2.0","id":1,"method":"tools\/call","params":{}}""").IsToolsCall.ShouldBeTrue();
        Parse("""{"jsonrpc":"2.0","id":1,"method":"tools\u002fcall","params":{}}""").IsToolsCall.ShouldBeTrue();
        Parse("""{"jsonrpc":"2.0","id":1,"\u006dethod":"tools/call","params":{}}""").IsToolsCall.ShouldBeTrue();
        Parse("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""").IsToolsCall.ShouldBeFalse();
        Parse("""{"jsonrpc":"2.0","method":"tools/call","params":{}}""").IsToolsCall.ShouldBeTrue();
    }

    [Fact]
    public void Keeps_the_id_exactly_as_written_whatever_its_type()
    {
        IdOf("""{"jsonrpc":"2.0","id":42,"method":"x"}""").ShouldBe("42");
        IdOf("""{"jsonrpc":"2.0","id":"abc","method":"x"}""").ShouldBe("\"abc\"");
        IdOf("""{"jsonrpc":"2.0","id":-1.5e3,"method":"x"}""").ShouldBe("-1.5e3");
        IdOf("""{"method":"x","jsonrpc":"2.0", "id" : "a\"b" }""").ShouldBe("\"a\\\"b\"");
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list","method":"tools/call"}""", "duplicate")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}""", "duplicate")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x","params":{},"params":{}}""", "duplicate")]
    [InlineData("""{"id":1,"method":"x"}""", "jsonrpc")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"x"}""", "jsonrpc")]
    [InlineData("""{"jsonrpc":"2.0","id":{},"method":"x"}""", "id must be")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":7}""", "method must be")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"x"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{},"error":{}}""", "both")]
    [InlineData("""{"jsonrpc":"2.0","result":{}}""", "must carry an id")]
    [InlineData("""{"jsonrpc":"2.0"}""", "neither")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x"} {"jsonrpc":"2.0","id":2,"method":"y"}""", "JSON")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x",}""", "not valid JSON")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"x" // comment""", "not valid JSON")]
    [InlineData("42", "must be a JSON object")]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"", "not valid JSON")]
    public void Rejects_what_could_be_read_two_ways(string json, string problem)
    {
        var message = Parse(json);
        message.Kind.ShouldBe(JsonRpcMessageKind.Invalid);
        message.Problem.ShouldNotBeNull().ShouldContain(problem);
    }

    [Fact]
    public void Locates_params_and_result_over_the_original_bytes()
    {
        var json = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params": {"name":"echo","arguments":{"m":[1,2]}} }""";
        var bytes = Encoding.UTF8.GetBytes(json);
        var message = JsonRpcParser.Parse(bytes);
        Encoding.UTF8.GetString(message.Params.Of(bytes.AsSpan())).ShouldBe("""{"name":"echo","arguments":{"m":[1,2]}}""");
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_recursed()
    {
        var json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":" + new string('[', 5000) + new string(']', 5000) + "}";
        Parse(json).Kind.ShouldBe(JsonRpcMessageKind.Invalid);
    }

    [Fact]
    public void Property_any_well_formed_message_is_indexed_with_its_id_and_kind()
    {
        var ids = Gen.OneOf(
            ArbMap.Default.GeneratorFor<int>().Select(i => JsonSerializer.Serialize(i)),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => JsonSerializer.Serialize(s.Get)));
        var methods = Gen.Elements("tools/call", "tools/list", "initialize", "notifications/cancelled", "ping", "x/ü");
        var members = ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get).ListOf();
        Prop.ForAll(ids.ToArbitrary(), methods.ToArbitrary(), members.ToArbitrary(), (id, method, extra) =>
        {
            var parameters = JsonSerializer.Serialize(extra.Distinct().ToDictionary(k => "k" + k, v => v));
            var json = $$"""{"params":{{parameters}},"id":{{id}},"jsonrpc":"2.0","method":{{JsonSerializer.Serialize(method)}}}""";
            var bytes = Encoding.UTF8.GetBytes(json);
            var message = JsonRpcParser.Parse(bytes);
            return message.Kind == JsonRpcMessageKind.Request
                && Encoding.UTF8.GetString(message.Id.Of(bytes.AsSpan())) == id
                && Encoding.UTF8.GetString(message.Params.Of(bytes.AsSpan())) == parameters
                && message.IsToolsCall == (method == "tools/call");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_arbitrary_bytes_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var message = JsonRpcParser.Parse(bytes);
            return (message.Kind == JsonRpcMessageKind.Invalid) == (message.Problem is not null);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_every_truncation_of_a_message_is_invalid_and_never_throws()
    {
        var json = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"r-1","method":"tools/call","params":{"name":"echo","arguments":{"message":"hé \"q\" [1]"}}}""");
        Prop.ForAll(Gen.Choose(0, json.Length - 1).ToArbitrary(), cut =>
            JsonRpcParser.Parse(json.AsSpan(0, cut)).Kind == JsonRpcMessageKind.Invalid).QuickCheckThrowOnFailure();
    }
}
