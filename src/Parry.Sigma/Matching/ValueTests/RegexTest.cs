using System.Text.RegularExpressions;
using Parry.Core.Events;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary><c>re</c>: the expression found anywhere in the value's text as written. Compiled with
/// <see cref="RegexOptions.NonBacktracking"/> where the pattern allows, so matching is linear; otherwise with a
/// match timeout, which surfaces as a <see cref="RegexMatchTimeoutException"/> naming the rule.</summary>
internal sealed class RegexTest(Regex regex, string pattern) : ValueTest
{
    public Regex Regex { get; } = regex;

    public string Pattern { get; } = pattern;

    public override bool Test(in EventValue value) => !value.IsNull && Regex.IsMatch(value.Text);

    public override int Cost => 8;
}
