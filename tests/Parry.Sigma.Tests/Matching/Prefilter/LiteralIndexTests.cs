using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Matching.Prefilter;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class LiteralIndexTests
{
    private static readonly Gen<string> Word = Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'é', '\\')).Where(a => a.Length > 0).Select(c => new string(c));
    private static readonly Gen<string> Value = Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'd', 'é', '\\')).Select(c => new string(c));

    [Fact]
    public void Every_anchor_agrees_with_naive_search() => AgreesWithNaiveSearch(fillers: 0);

    [Fact]
    public void Every_anchor_agrees_with_naive_search_when_too_many_literals_for_a_guard() =>
        // Unanchored literals that never occur ('#' is not in the values) push the automaton past the size that
        // gets a vectorised guard, so the walk alone must find the random literals.
        AgreesWithNaiveSearch(fillers: LiteralAutomatonBuilder.MaxGuardedLiterals + 1);

    private static void AgreesWithNaiveSearch(int fillers)
    {
        var literal = Gen.Zip(Word, Gen.Elements(LiteralAnchor.Anywhere, LiteralAnchor.Start, LiteralAnchor.End, LiteralAnchor.Exact));
        Prop.ForAll(Gen.NonEmptyListOf(literal).ToArbitrary(), Value.ToArbitrary(), (literals, value) =>
        {
            var builder = new FieldLiteralIndexBuilder();
            for (var slot = 0; slot < literals.Count; slot++)
                builder.Add(new RequiredLiteral(0, literals[slot].Item1, literals[slot].Item2), new LiteralHit(slot, 0));
            for (var filler = 0; filler < fillers; filler++)
                builder.Add(new RequiredLiteral(0, $"#{filler}#", LiteralAnchor.Anywhere), new LiteralHit(literals.Count + filler, 0));
            var index = builder.Build();
            var words = (literals.Count + fillers + 63) / 64;
            var bits = new ulong[2 * words];
            index.Mark(value, new CandidateMarks(bits, words));
            for (var slot = 0; slot < literals.Count; slot++)
            {
                var (text, anchor) = literals[slot];
                var expected = anchor switch
                {
                    LiteralAnchor.Start => value.StartsWith(text, StringComparison.Ordinal),
                    LiteralAnchor.End => value.EndsWith(text, StringComparison.Ordinal),
                    LiteralAnchor.Exact => value == text,
                    _ => value.Contains(text, StringComparison.Ordinal),
                };
                var marked = (bits[slot >> 6] & (1UL << (slot & 63))) != 0;
                // A longer unanchored literal is indexed by a short anchor and checked where the anchor occurs:
                // marked exactly when the whole literal occurs.
                if (marked != expected)
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Second_requirements_are_marked_apart()
    {
        var builder = new FieldLiteralIndexBuilder();
        builder.Add(new RequiredLiteral(0, "abc", LiteralAnchor.Anywhere), new LiteralHit(3, 0));
        builder.Add(new RequiredLiteral(0, "xyz", LiteralAnchor.Anywhere), new LiteralHit(3, 1));
        var bits = new ulong[2];
        builder.Build().Mark("--xyz--", new CandidateMarks(bits, 1));
        bits[0].ShouldBe(0UL);
        bits[1].ShouldBe(1UL << 3);
    }
}
