using System.Globalization;

namespace Parry.Sigma.Values;

/// <summary>
/// An unquoted numeric scalar (<c>EventID: 4688</c>). It matches an event value that is the same number (an integer
/// 4688 or the string "4688"); against a value that is not a number it compares its text as written.
/// </summary>
public sealed class SigmaNumber : SigmaValue
{
    public SigmaNumber(string text, double value)
    {
        Text = text;
        Value = value;
    }

    /// <summary>The scalar as written in the rule (<c>0x17</c>, <c>4688</c>, <c>1.5</c>).</summary>
    public string Text { get; }

    public double Value { get; }

    public bool IsInteger => Value == Math.Floor(Value) && !double.IsInfinity(Value);

    public override string ToString() => Text;

    /// <summary>Reads a plain YAML scalar as a number under YAML 1.2's core schema (decimal, 0x hex, 0o octal,
    /// decimal fractions and exponents).</summary>
    public static bool TryParse(string text, out SigmaNumber? number)
    {
        number = null;
        var s = text.AsSpan();
        if (s.Length == 0)
            return false;
        var negative = s[0] == '-';
        var unsigned = s[0] is '-' or '+' ? s[1..] : s;
        if (unsigned.Length > 2 && unsigned[0] == '0' && unsigned[1] is 'x' or 'o')
        {
            if (s[0] is '-' or '+')
                return false;
            var style = unsigned[1] == 'x' ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            var digits = unsigned[2..];
            if (unsigned[1] == 'o')
            {
                long octal = 0;
                foreach (var c in digits)
                {
                    if (c is < '0' or > '7' || octal > long.MaxValue / 8)
                        return false;
                    octal = octal * 8 + (c - '0');
                }
                number = new SigmaNumber(text, octal);
                return true;
            }
            if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var hex))
                return false;
            number = new SigmaNumber(text, hex);
            return true;
        }
        if (!IsDecimal(unsigned))
            return false;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
            return false;
        number = new SigmaNumber(text, negative && value == 0 ? 0 : value);
        return true;
    }

    // [0-9]+ (. [0-9]*)? ([eE] [-+]? [0-9]+)?  or  . [0-9]+ (exponent)?
    private static bool IsDecimal(ReadOnlySpan<char> s)
    {
        var i = 0;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0)
            return false;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '-' or '+')
                i++;
            var exponent = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exponent++;
            }
            if (exponent == 0)
                return false;
        }
        return i == s.Length;
    }
}
