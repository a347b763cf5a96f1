using Parry.Sigma.Matching.Prefilter;
using Shouldly;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class RegexAtomsTests
{
    // Each atom as kind:text:quantifier minimum (- when unquantified).
    [Theory]
    [InlineData(@"a\.b", "Literal:a:- Literal:\\.:- Literal:b:-")]
    [InlineData(@"\d{2,}x+", "LetterEscape:\\d:2 Literal:x:1")]
    [InlineData(@"[a-f]{64}\s", "Class:[a-f]:64 LetterEscape:\\s:-")]
    [InlineData(@"(a|b)*c?", "Group:(a|b):0 Literal:c:0")]
    [InlineData(@"^.$", "ZeroWidth:^:- AnyCharacter:.:- ZeroWidth:$:-")]
    [InlineData(@"*a", "StrayQuantifier:*:- Literal:a:-")]
    [InlineData(@"{x}", "Literal:{:- Literal:x:- Literal:}:-")]
    [InlineData(@"\x41\p{L}\k<n>", "LetterEscape:\\x41:- LetterEscape:\\p{L}:- LetterEscape:\\k<n>:-")]
    [InlineData(@"[]a]b", "Class:[]a]:- Literal:b:-")]
    [InlineData(@"a{2}?b\", "Literal:a:2 Literal:b:- ZeroWidth:\\:-")]
    public void Reads_the_top_level_atom_by_atom(string pattern, string atoms) =>
        string.Join(' ', RegexAtoms.Of(pattern).Select(a =>
            $"{a.Kind}:{pattern[a.Start..a.End]}:{(a.Quantified ? a.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}"))
            .ShouldBe(atoms);

    [Theory]
    [InlineData(@"a\.b", new[] { 'a', '.', 'b' })]
    [InlineData(@"\n\d", new[] { 'n', 'd' })]
    public void Names_the_character_of_literals_and_escapes(string pattern, char[] characters) =>
        RegexAtoms.Of(pattern).Select(a => a.Character(pattern)).ShouldBe(characters);
}
