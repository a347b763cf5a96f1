using Parry.Ingest.Formats;

namespace Parry.Ingest.Tests.Json;

public class JsonHeadTests
{
    [Fact]
    public void Invalid_utf8_in_escaped_names_and_values_does_not_throw_out_of_any_probe()
    {
        byte[][] heads =
        [
            [.. "{\"a\\n"u8, 0xff, .. "\": 1}"u8],
            [.. "{\"eventid\": \"\\n"u8, 0xff, 0xfe, .. "\"}"u8],
            [.. "{\"Records\": [{\"\\t"u8, 0xc3, .. "\": 1}]}"u8],
            [.. "[{\"ts\": \"\\u00e9"u8, 0xed, 0xa0, 0x80, .. "\"}]"u8],
        ];
        foreach (var format in BuiltInFormats.Create())
        {
            foreach (var head in heads)
                Should.NotThrow(() => format.Probe(head, "x.json"), format.Name);
        }
    }
}
