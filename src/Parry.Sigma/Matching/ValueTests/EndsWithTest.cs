namespace Parry.Sigma.Matching.ValueTests;

/// <summary>The value ends with one of the literals (<c>endswith</c>, <c>*lit</c>).</summary>
internal sealed class EndsWithTest(IEnumerable<string> literals, bool cased) : AffixListTest(literals, cased, atEnd: true);
