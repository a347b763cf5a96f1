using System.Text;
using Parry.Gateway.JsonRpc;

namespace Parry.Gateway.Tests.JsonRpc;

public class JsonRpcIdTests
{
    private static string Key(string raw) => JsonRpcId.Key(Encoding.UTF8.GetBytes(raw));

    [Fact]
    public void Strings_and_numbers_are_different_ids() => Key("7").ShouldNotBe(Key("\"7\""));

    [Fact]
    public void Escapes_and_number_spellings_do_not_matter()
    {
        Key("\"a\\u0062\"").ShouldBe(Key("\"ab\""));
        Key("1.0").ShouldBe(Key("1"));
        Key("1e2").ShouldBe(Key("100"));
    }

    [Fact]
    public void Finds_the_id_at_the_start_of_a_cut_message()
    {
        var prefix = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"big-1","method":"tools/call","params":{"name":"x","arguments":{"blob":"AAAA""");
        JsonRpcIdSniffer.TryFindId(prefix, out var id).ShouldBeTrue();
        Encoding.UTF8.GetString(id.Of(prefix.AsSpan())).ShouldBe("\"big-1\"");
        JsonRpcIdSniffer.TryFindId("{\"params\":{\"id\":3},\"method\":\"x\""u8, out _).ShouldBeFalse();
        JsonRpcIdSniffer.TryFindId("garbage"u8, out _).ShouldBeFalse();
    }
}
