using System.Text.RegularExpressions;
using Parry.Core.Events;
using Parry.Sigma.Matching.Prefilter;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary><c>re</c>: the expression found anywhere in the value's text as written. Compiled with
/// <see cref="RegexOptions.NonBacktracking"/> where the pattern allows, so matching is linear; otherwise with a
/// match timeout, which surfaces as a <see cref="RegexMatchTimeoutException"/> naming the rule.</summary>
/// <remarks>The runnable <see cref="Regex"/> is built on the first value tested, not at compile time: most of the
/// SigmaHQ rules' expressions never meet an event that reaches them, and a NonBacktracking regex keeps about half a
/// megabyte and takes milliseconds to build (all 230 of them: ~1 CPU-s and ~130 MB of a hunt's start-up). The pattern was
/// already checked to parse when the rule was loaded, so a bad one is still rejected with its file and line.
/// A value that lacks the literal every match must contain (<see cref="RegexLiterals"/>, which the literal index
/// uses too) is refused before the expression is run or built: a rule's other selections often let
/// events through whose values cannot match, and on the 1 GB EVTX hunt building the expressions those values
/// reached cost ~0.6 CPU-s and tens of megabytes. A value shorter than every match (<see cref="RegexMinimumLength"/>)
/// is refused the same way, and so is one without every top-level literal run in order
/// (<see cref="RegexLiterals.Sequence"/>) or without the run of one character class every match holds
/// (<see cref="RegexRequiredRun"/>).</remarks>
internal sealed class RegexTest(SigmaRegex regex, TimeSpan timeout) : ValueTest
{
    private Regex? _regex;

    // Every top-level literal run, in order (RegexLiterals.Sequence), folded, so they are looked for in the value's
    // folded text (necessary with or without the i option): a value must hold them one after another. Empty when
    // the pattern has none or its whitespace is not literal. All of them, not only the longest the literal index
    // uses: Obfuscated IP Download's https?://0[0-9]{3,11} has "http", which every URL holds, then "://0", which
    // refuses nearly every command line; \{.*\{.*… (ten braces) refuses a value with fewer than ten.
    private readonly string[] _sequence = (regex.Options & RegexOptions.IgnorePatternWhitespace) == 0
        ? [.. RegexLiterals.Sequence(regex.Pattern)]
        : [];

    // No match is shorter (0 when not known): a shorter value is refused before the expression runs.
    private readonly int _minimumLength = (regex.Options & RegexOptions.IgnorePatternWhitespace) == 0
        ? RegexMinimumLength.Of(regex.Pattern)
        : 0;

    // A run of one character class every match holds (null: none known), looked for before the expression runs.
    private readonly RequiredCharRun? _run = RegexRequiredRun.Of(regex.Pattern, regex.Options);

    public string Pattern => regex.Pattern;

    public RegexOptions Options => regex.Options;

    /// <summary>Built once on first use; two threads racing may both build one, and the first stored wins (they
    /// are the same expression).</summary>
    public Regex Regex => _regex ?? Build();

    /// <summary>Whether the runnable expression has been built yet.</summary>
    public bool IsBuilt => Volatile.Read(ref _regex) is not null;

    public override bool Test(in EventValue value) =>
        !value.IsNull && value.Text.Length >= _minimumLength && HoldsSequence(value.FoldedText) && (_run is null || _run.MayOccurIn(value.Text)) && Regex.IsMatch(value.Text);

    // Each run searched for past the end of the one before: the earliest end of each leaves the most room for the
    // rest, so a value that holds the runs in order without overlap is never refused.
    private bool HoldsSequence(ReadOnlySpan<char> folded)
    {
        foreach (var run in _sequence)
        {
            var at = folded.IndexOf(run, StringComparison.Ordinal);
            if (at < 0)
                return false;
            folded = folded[(at + run.Length)..];
        }
        return true;
    }

    public override int Cost => 8;

    private Regex Build()
    {
        var built = ValueTestBuilder.BuildRegex(regex, timeout);
        return Interlocked.CompareExchange(ref _regex, built, null) ?? built;
    }
}
