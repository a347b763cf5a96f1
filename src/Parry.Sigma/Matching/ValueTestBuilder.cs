using System.Text.RegularExpressions;
using Parry.Sigma.Matching.ValueTests;
using Parry.Sigma.Values;

namespace Parry.Sigma.Matching;

/// <summary>
/// Turns the OR-ed values of one detection item into one <see cref="ValueTest"/>: strings sorted by shape
/// (equals, prefix, suffix, substring, general wildcard) into one test per shape and case mode, numbers,
/// comparisons, networks, date parts and regular expressions each into their own test. Keywords are substring
/// searches (a keyword occurs somewhere in a value).
/// </summary>
internal static class ValueTestBuilder
{
    public static ValueTest Build(IReadOnlyList<SigmaValue> values, bool keyword, TimeSpan regexTimeout)
    {
        var tests = new List<ValueTest>();
        // The literals of each (shape, case) in the order first met; an item has one or two, so a list searched in
        // place costs less to build than a dictionary per item.
        var shapes = new List<ShapeLiterals>(1);
        var networks = new List<SigmaCidr>();
        // An index loop: a foreach through the read-only list's interface boxes an enumerator per item.
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            switch (value)
            {
                case SigmaString s:
                    AddString(keyword ? s.WithLeadingAnyChars().WithTrailingAnyChars() : s, shapes, tests);
                    break;
                case SigmaNumber n when keyword:
                    AddString(SigmaString.FromLiteral(n.Text).WithLeadingAnyChars().WithTrailingAnyChars(), shapes, tests);
                    break;
                case SigmaNumber n:
                    tests.Add(new NumberEqualsTest(n));
                    break;
                case SigmaRegex r:
                    tests.Add(new RegexTest(r, regexTimeout));
                    break;
                case SigmaCidr c:
                    networks.Add(c);
                    break;
                case SigmaCompare c:
                    tests.Add(new CompareTest(c));
                    break;
                case SigmaTimePart t:
                    tests.Add(new TimePartTest(t));
                    break;
                default:
                    throw new InvalidOperationException($"{value.GetType().Name} cannot be part of a value list");
            }
        }
        if (networks.Count > 0)
            tests.Add(new CidrTest(networks));
        foreach (var (shape, cased, literals) in shapes)
        {
            tests.Add(shape switch
            {
                Shape.Equals when literals.Count >= 3 => new EqualsAnyTest(literals, cased),
                Shape.Equals => literals.Count == 1 ? new EqualsTest(literals[0], cased) : new EqualsAnyTest(literals, cased),
                Shape.StartsWith => new StartsWithTest(literals, cased),
                Shape.EndsWith => new EndsWithTest(literals, cased),
                Shape.Contains => new ContainsTest(literals, cased),
                _ => new AnyStringTest(),
            });
        }
        return tests.Count == 1 ? tests[0] : new AnyOfTest(tests);
    }

    /// <summary>Compiles with the linear-time engine when the pattern allows it, else with a match timeout.</summary>
    public static Regex BuildRegex(SigmaRegex regex, TimeSpan timeout)
    {
        var options = regex.Options | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(regex.Pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(regex.Pattern, options, timeout);
        }
    }

    private enum Shape : byte { Equals, StartsWith, EndsWith, Contains, Any }

    // A class, not a tuple: a List over a tuple of value types is compiled at run time rather than ahead of time.
    private sealed record ShapeLiterals(Shape Shape, bool Cased, List<string> Literals);

    private static void AddString(SigmaString s, List<ShapeLiterals> shapes, List<ValueTest> tests)
    {
        if (!TryClassify(s, out var shape, out var literal))
        {
            tests.Add(new GlobTest(s));
            return;
        }
        foreach (var entry in shapes)
        {
            if (entry.Shape == shape && entry.Cased == s.Cased)
            {
                entry.Literals.Add(literal);
                return;
            }
        }
        shapes.Add(new ShapeLiterals(shape, s.Cased, [literal]));
    }

    // The simple shapes a span operation decides; anything else is a general wildcard pattern.
    private static bool TryClassify(SigmaString s, out Shape shape, out string literal)
    {
        (shape, literal) = (Shape.Any, "");
        switch (s.Parts)
        {
            case []:
                shape = Shape.Equals;
                return true;
            case [{ Kind: StringPartKind.Literal } only]:
                (shape, literal) = (Shape.Equals, only.Text);
                return true;
            case [{ Kind: StringPartKind.AnyChars }]:
                return true;
            case [{ Kind: StringPartKind.Literal } head, { Kind: StringPartKind.AnyChars }]:
                (shape, literal) = (Shape.StartsWith, head.Text);
                return true;
            case [{ Kind: StringPartKind.AnyChars }, { Kind: StringPartKind.Literal } tail]:
                (shape, literal) = (Shape.EndsWith, tail.Text);
                return true;
            case [{ Kind: StringPartKind.AnyChars }, { Kind: StringPartKind.Literal } middle, { Kind: StringPartKind.AnyChars }]:
                (shape, literal) = (Shape.Contains, middle.Text);
                return true;
            default:
                return false;
        }
    }
}
