using Parry.Core.Events;

namespace Parry.Sigma.Matching.ValueTests;

/// <summary>
/// A test over a value's text: the folded (lower-case invariant) text for Sigma's default case-insensitive
/// comparison, the text as written for <c>cased</c>. Nulls never match a string.
/// </summary>
internal abstract class StringTest(bool cased) : ValueTest
{
    public bool Cased { get; } = cased;

    public sealed override bool Test(in EventValue value) =>
        !value.IsNull && TestText(Cased ? value.Text : value.FoldedText);

    public abstract bool TestText(ReadOnlySpan<char> text);

    /// <summary>Folds a rule literal exactly as events fold their text.</summary>
    public static string Fold(string literal, bool cased) => cased ? literal : literal.ToLowerInvariant();
}
