using Parry.Sigma.Matching.Prefilter;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class LiteralAutomatonTests
{
    // Literals that differ only past the dense depth, each in its own non-ASCII character (as the look-alike
    // characters of the command-line obfuscation rules do), plus two that differ early.
    private static readonly string[] Literals =
        [.. Enumerable.Range(0, 200).Select(i => "abcd" + (char)(0x400 + i) + "x"), "zq", "éa"];

    private static LiteralAutomaton Build()
    {
        var builder = new LiteralAutomatonBuilder();
        for (var slot = 0; slot < Literals.Length; slot++)
            builder.Add(Literals[slot], new LiteralHit(slot, 0));
        return builder.Build();
    }

    [Fact]
    public void Dense_rows_are_as_narrow_as_the_ascii_characters_they_tell_apart()
    {
        // Dense rows reach depth 2 and cover ASCII only: 'a', 'b', 'c', 'z', 'q' lead somewhere from them; the 200
        // non-ASCII characters and 'é' go through child lists.
        Build().Classes.ShouldBeLessThanOrEqualTo(8);
    }

    [Theory]
    [InlineData("--abcd\u0400x--", 0)]
    [InlineData("abcd\u04c7x", 199)]
    [InlineData("abcabcd\u0405x", 5)]
    [InlineData("zzq", 200)]
    [InlineData("\u0400éa", 201)]
    public void Merged_classes_still_find_every_literal(string value, int slot)
    {
        var words = (Literals.Length + 63) / 64;
        var bits = new ulong[2 * words];
        Build().Scan(value, new CandidateMarks(bits, words));
        for (var other = 0; other < Literals.Length; other++)
        {
            var marked = (bits[other >> 6] & (1UL << (other & 63))) != 0;
            marked.ShouldBe(value.Contains(Literals[other], StringComparison.Ordinal), $"slot {other}");
        }
        ((bits[slot >> 6] >> (slot & 63)) & 1).ShouldBe(1UL);
    }
}
