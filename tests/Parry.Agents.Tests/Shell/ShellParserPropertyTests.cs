using FsCheck;
using FsCheck.Fluent;
using Parry.Agents.Shell;
using static Parry.Agents.Tests.Shell.ShellTestParsing;

namespace Parry.Agents.Tests.Shell;

public class ShellParserPropertyTests
{
    private static readonly char[] Alphabet =
        "abcxyz019 \t\n'\"\\$`(){}[]<>|&;#*?~=%-_./:@!^,".ToCharArray();

    // Text made of shell metacharacters and a few letters: the inputs most likely to break a tokeniser.
    private static Arbitrary<string> ShellNoise() =>
        Gen.ArrayOf(Gen.Elements(Alphabet)).Select(chars => new string(chars)).ToArbitrary();

    // Words of arbitrary printable characters (quotes, backslashes, operators, unicode included).
    private static Arbitrary<string[]> ArbitraryWords() =>
        Gen.ArrayOf(Gen.ArrayOf(Gen.OneOf(Gen.Elements(Alphabet), Gen.Choose(0x20, 0x2FF).Select(i => (char)i)))
                .Select(chars => new string(chars)))
            .Where(words => words.Length > 0)
            .ToArbitrary();

    [Fact]
    public void Tokenising_never_throws_and_terminates_in_every_dialect()
    {
        Prop.ForAll(ShellNoise(), text =>
        {
            foreach (var dialect in new[] { ShellDialect.Posix, ShellDialect.PowerShell, ShellDialect.Cmd })
                Parse(text, dialect);
            CommandExpander.Expand(text, ShellDialect.Posix);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_unicode_input_never_throws()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var value = text ?? "";
            Parse(value);
            Parse(value, ShellDialect.PowerShell);
            Parse(value, ShellDialect.Cmd);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Single_quoted_words_round_trip()
    {
        Prop.ForAll(ArbitraryWords(), words =>
        {
            var line = string.Join(' ', words.Select(w => "'" + w.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
            var parsed = Parse(line).SelectMany(c => c.Assignments.Concat(c.Words)).ToArray();
            return parsed.SequenceEqual(words);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Backslash_escaped_words_round_trip()
    {
        Prop.ForAll(ArbitraryWords(), words =>
        {
            var nonEmpty = words.Where(w => w.Length > 0 && !w.Contains('\n')).ToArray();
            var line = string.Join(' ', nonEmpty.Select(w => string.Concat(w.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "\\" + c))));
            var parsed = Parse(line).SelectMany(c => c.Assignments.Concat(c.Words)).ToArray();
            return parsed.SequenceEqual(nonEmpty);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Double_quoted_words_round_trip()
    {
        Prop.ForAll(ArbitraryWords(), words =>
        {
            var line = string.Join(' ', words.Select(w => "\"" + string.Concat(w.Select(c => c is '"' or '\\' or '$' or '`' ? "\\" + c : c.ToString())) + "\""));
            var parsed = Parse(line).SelectMany(c => c.Assignments.Concat(c.Words)).ToArray();
            return parsed.SequenceEqual(words);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PowerShell_single_quoted_words_round_trip()
    {
        Prop.ForAll(ArbitraryWords(), words =>
        {
            var clean = words.Select(w => w.Replace("\u2018", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal)).ToArray();
            var line = "Write-Output " + string.Join(' ', clean.Select(w => "'" + w.Replace("'", "''", StringComparison.Ordinal) + "'"));
            var parsed = Parse(line, ShellDialect.PowerShell).Single().Words.Skip(1).ToArray();
            return parsed.SequenceEqual(clean);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cmd_double_quoted_words_round_trip()
    {
        Prop.ForAll(ArbitraryWords(), words =>
        {
            var clean = words.Select(w => new string(w.Where(c => c is not ('"' or '\n' or '\r')).ToArray())).ToArray();
            var line = "echo " + string.Join(' ', clean.Select(w => "\"" + w + "\""));
            var parsed = Parse(line, ShellDialect.Cmd).Single().Words.Skip(1).ToArray();
            return parsed.SequenceEqual(clean);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Huge_input_is_parsed_within_bounds()
    {
        var text = string.Concat(Enumerable.Repeat("a|b;c&&d `e` $(f) 'g' \"h\"\n", 20_000));
        var expansion = CommandExpander.Expand(text, ShellDialect.Posix);
        expansion.Truncated.ShouldBeTrue();
        expansion.Invocations.Count.ShouldBeLessThanOrEqualTo(1024 * 16);
    }
}
