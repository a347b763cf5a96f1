using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parry.Ingest.Evtx.Layout;

namespace Parry.Ingest.Tests.Evtx.Layout;

public class Crc32Tests
{
    [Fact]
    public void Matches_the_standard_check_value() =>
        Crc32.Compute(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xCBF43926u);

    [Fact]
    public void Appending_in_pieces_equals_computing_at_once() =>
        Prop.ForAll<byte[], int>((data, cut) =>
        {
            var at = data.Length == 0 ? 0 : Math.Abs(cut % (data.Length + 1));
            return Crc32.Append(Crc32.Compute(data.AsSpan(0, at)), data.AsSpan(at)) == Crc32.Compute(data)
                && Crc32.Compute(data) == Bitwise(data);
        }).QuickCheckThrowOnFailure();

    // The one-bit-at-a-time definition the table-driven code must agree with.
    private static uint Bitwise(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
