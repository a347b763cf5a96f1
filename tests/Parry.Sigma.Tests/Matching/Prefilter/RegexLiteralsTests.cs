using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Matching.Prefilter;

namespace Parry.Sigma.Tests.Matching.Prefilter;

public class RegexLiteralsTests
{
    [Theory]
    [InlineData(@"\\powershell\.exe", @"\powershell.exe")]
    [InlineData(@"abc(def|ghi)jklm", "jklm")]
    [InlineData(@"ab?cdef", "cdef")]
    [InlineData(@"x*yz+w", "yz")]
    [InlineData(@"[a-z]+foo\d{2,}bar", "foo")]
    [InlineData(@"^cmd\.exe /c", "cmd.exe /c")]
    [InlineData(@"(?i)WhoAmI", "whoami")]
    [InlineData(@"a{0,3}bcd", "bcd")]
    [InlineData(@"ab{2}cd", "ab")]
    [InlineData(@"\x41bc\u0041def", "def")]
    [InlineData("ab{cd", "ab{cd")]
    [InlineData("[a-z-[aeiou]]xyz", "xyz")]
    public void Finds_a_literal_every_match_contains(string pattern, string literal) =>
        RegexLiterals.Longest(pattern).ShouldBe(literal);

    [Theory]
    [InlineData("a|b")]
    [InlineData("foo|bar")]
    [InlineData(@"\d+\s*")]
    [InlineData("(?x) a b c")]
    [InlineData("(?ix)ab c")]
    [InlineData("x(?x: a b)")]
    [InlineData("[abc]")]
    [InlineData("")]
    public void No_literal_where_none_is_certain(string pattern) => RegexLiterals.Longest(pattern).ShouldBeNull();

    [Theory]
    [InlineData(@"\\[a-zA-Z0-9]{1,32}\.[a-zA-Z0-9]{1,6}\.[ ""']{1}", new[] { ". ", ".\"", ".'" })]
    [InlineData(@"\\powershell\.exe", new[] { @"\powershell.exe" })]
    [InlineData(@"a[bC]d", new[] { "abd", "acd" })]
    [InlineData(@"x[.\-]y", new[] { "x.y", "x-y" })]
    [InlineData(@"x[a-z]yz", new[] { "yz" })]
    [InlineData(@"ab[^c]d", new[] { "ab" })]
    [InlineData(@"abc[\s]d", new[] { "abc" })]
    [InlineData(@"q[ab]?rs", new[] { "rs" })]
    public void Finds_literals_one_of_which_every_match_contains(string pattern, string[] literals) =>
        RegexLiterals.Alternatives(pattern).ShouldBe(literals);

    [Theory]
    [InlineData("[abc]")]
    [InlineData("a|b")]
    [InlineData(@"\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}")]
    public void No_literals_where_none_is_certain(string pattern) => RegexLiterals.Alternatives(pattern).ShouldBeEmpty();

    [Fact]
    public void One_of_the_literals_occurs_in_every_generated_match() =>
        HoldsForEveryGeneratedMatch((pattern, folded) =>
        {
            var literals = RegexLiterals.Alternatives(pattern);
            return literals.Count == 0 || literals.Any(l => folded.Contains(l, StringComparison.Ordinal));
        });

    [Theory]
    [InlineData(@"https?://0[0-9]{3,11}", new[] { "http", "://0" })]
    [InlineData(@"https?://[0-9]{1,3}\.0[0-9]{3,7}", new[] { "http", "://", ".0" })]
    [InlineData(@"ab?cdef", new[] { "a", "cdef" })]
    [InlineData(@"(?i)AB(x)CD[0-9]E", new[] { "ab", "cd", "e" })]
    [InlineData(@"ab{2}cd", new[] { "ab", "cd" })]
    [InlineData(@"a*bc", new[] { "bc" })]
    [InlineData(@"\{.*\{.*\{", new[] { "{", "{", "{" })]
    [InlineData(@"\n\n\r\tx\b\d", new[] { "\n\n\r\tx" })]
    [InlineData(@"ab|cd", new string[0])]
    [InlineData(@"(?x)a b", new string[0])]
    [InlineData(@" [0-7]{7,13}", new[] { " " })]
    public void Finds_every_literal_run_in_order(string pattern, string[] runs) =>
        RegexLiterals.Sequence(pattern).ShouldBe(runs);

    [Fact]
    public void The_runs_occur_in_order_without_overlap_in_every_generated_match() =>
        HoldsForEveryGeneratedMatch((pattern, folded) =>
        {
            var rest = folded.AsSpan();
            foreach (var run in RegexLiterals.Sequence(pattern))
            {
                var at = rest.IndexOf(run, StringComparison.Ordinal);
                if (at < 0)
                    return false;
                rest = rest[(at + run.Length)..];
            }
            return true;
        });

    [Fact]
    public void The_literal_occurs_in_every_generated_match() =>
        HoldsForEveryGeneratedMatch((pattern, folded) =>
            RegexLiterals.Longest(pattern) is not { } literal || folded.Contains(literal, StringComparison.Ordinal));

    // Checks a property of (pattern, lower-cased sample) over random patterns and strings each one matches whole,
    // and that most generated pairs were really checked.
    private static void HoldsForEveryGeneratedMatch(Func<string, string, bool> property)
    {
        var checkedPairs = 0;
        var generated = 0;
        Prop.ForAll(Generate(3).ToArbitrary(), pair =>
        {
            var (pattern, sample) = pair;
            generated++;
            // .NET itself declines a few empty-matching loops ("^(?:a+|)+" on "b"); such pairs prove nothing.
            // The linear-time engine: generated nested quantifiers could backtrack for ever.
            if (!Regex.IsMatch(sample, "^(?:" + pattern + ")$", RegexOptions.Singleline | RegexOptions.NonBacktracking))
                return true;
            checkedPairs++;
            return property(pattern, sample.ToLowerInvariant());
        }).QuickCheckThrowOnFailure();
        checkedPairs.ShouldBeGreaterThan(generated / 2);
    }

    // A random regular expression together with a string it matches (whole).
    internal static Gen<(string Pattern, string Sample)> Generate(int depth)
    {
        var literal = Gen.Elements('a', 'b', 'C', '.', '-', '\\', '(', '|', '*', '?', '+', '{', '[', '^', '$', '\n', '\t').Select(c =>
            c is '\n' or '\t' ? (c == '\n' ? "\\n" : "\\t", c.ToString())
            : "\\.-(|*?+{[^$".Contains(c) ? ($"\\{c}", c.ToString()) : (c.ToString(), c.ToString()));
        var cls = Gen.Elements(
            ("[a-c]", "b"), ("[^x]", "y"), (@"\d", "7"), (@"\s", " "), (".", "q"), (@"\w", "w"),
            ("[bC]", "b"), ("[bC]", "C"), (@"[.\-]", "-"), (@"[.\-]", "."), ("[ '\"]", "'"), ("[a]", "a"));
        depth = Math.Min(depth, 2);
        var atom = depth <= 0
            ? Gen.OneOf(literal, literal, literal, cls)
            : Gen.OneOf(literal, literal, cls, Group(depth - 1), Alternation(depth - 1));
        var quantified =
            from a in atom
            from quantifier in Gen.Elements("", "", "", "*", "+", "?", "{2}", "{0,2}", "{1,}")
            from extra in Gen.Choose(0, 2)
            select Quantify(a, quantifier, extra);
        return Gen.NonEmptyListOf(quantified).Select(list => list.Take(8).ToList()).Select(list => (string.Concat(list.Select(p => p.Pattern)), string.Concat(list.Select(p => p.Sample))));
    }

    private static Gen<(string, string)> Group(int depth) => Generate(depth).Select(p => ($"({p.Pattern})", p.Sample));

    private static Gen<(string, string)> Alternation(int depth) =>
        from left in Generate(depth)
        from right in Generate(depth)
        from takeLeft in Gen.Elements(true, false)
        select ($"(?:{left.Pattern}|{right.Pattern})", takeLeft ? left.Sample : right.Sample);

    private static (string Pattern, string Sample) Quantify((string Pattern, string Sample) atom, string quantifier, int extra)
    {
        var repeat = quantifier switch
        {
            "*" => extra,
            "+" => 1 + extra,
            "?" => Math.Min(extra, 1),
            "{2}" => 2,
            "{0,2}" => extra,
            "{1,}" => 1 + extra,
            _ => 1,
        };
        var sample = new StringBuilder();
        for (var i = 0; i < repeat; i++)
            sample.Append(atom.Sample);
        return (atom.Pattern + quantifier, sample.ToString());
    }
}
