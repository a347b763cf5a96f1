namespace Parry.Sigma.Matching.ValueTests;

/// <summary>The value starts with one of the literals (<c>startswith</c>, <c>lit*</c>).</summary>
internal sealed class StartsWithTest(IEnumerable<string> literals, bool cased) : AffixListTest(literals, cased, atEnd: false);
