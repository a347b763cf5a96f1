using System.Text.RegularExpressions;
using Parry.Core.Events;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary><c>re</c>: the expression found anywhere in the value's text as written. Compiled with
/// <see cref="RegexOptions.NonBacktracking"/> where the pattern allows, so matching is linear; otherwise with a
/// match timeout, which surfaces as a <see cref="RegexMatchTimeoutException"/> naming the rule.</summary>
/// <remarks>The runnable <see cref="Regex"/> is built on the first value tested, not at compile time: most of the
/// SigmaHQ rules' expressions never meet an event that reaches them, and a NonBacktracking regex keeps about half a
/// megabyte and takes milliseconds to build (all 230 of them: ~1 CPU-s and ~130 MB of a hunt's start-up). The pattern was
/// already checked to parse when the rule was loaded, so a bad one is still rejected with its file and line.</remarks>
internal sealed class RegexTest(SigmaRegex regex, TimeSpan timeout) : ValueTest
{
    private Regex? _regex;

    public string Pattern => regex.Pattern;

    public RegexOptions Options => regex.Options;

    /// <summary>Built once on first use; two threads racing may both build one, and the first stored wins (they
    /// are the same expression).</summary>
    public Regex Regex => _regex ?? Build();

    public override bool Test(in EventValue value) => !value.IsNull && Regex.IsMatch(value.Text);

    public override int Cost => 8;

    private Regex Build()
    {
        var built = ValueTestBuilder.BuildRegex(regex, timeout);
        return Interlocked.CompareExchange(ref _regex, built, null) ?? built;
    }
}
