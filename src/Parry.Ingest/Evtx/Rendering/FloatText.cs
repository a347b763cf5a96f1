using System.Globalization;

namespace Parry.Ingest.Evtx.Rendering;

/// <summary>
/// Floats in the shortest text that reads back to the same value, laid out as Rust's float formatters (which
/// evtx_dump uses) lay it out: <c>1.0</c>, <c>0.001</c>, <c>1e16</c>, <c>1.5e-7</c>, <c>NaN</c>, <c>inf</c>.
/// </summary>
internal static class FloatText
{
    public static void Append(CharBuffer output, float value)
    {
        Span<char> shortest = stackalloc char[40];
        if (Special(output, float.IsNaN(value), float.IsInfinity(value), value < 0))
            return;
        value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture);
        Layout(output, shortest[..written]);
    }

    public static void Append(CharBuffer output, double value)
    {
        Span<char> shortest = stackalloc char[40];
        if (Special(output, double.IsNaN(value), double.IsInfinity(value), value < 0))
            return;
        value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture);
        Layout(output, shortest[..written]);
    }

    private static bool Special(CharBuffer output, bool nan, bool infinite, bool negative)
    {
        if (nan)
            output.Append("NaN");
        else if (infinite)
            output.Append(negative ? "-inf" : "inf");
        return nan || infinite;
    }

    // .NET's "R" gives the shortest round-trip digits, as d.ddd or d.dddE±x; take the digits and the decimal
    // exponent from it and lay them out again.
    private static void Layout(CharBuffer output, ReadOnlySpan<char> text)
    {
        if (text[0] == '-')
        {
            output.Append('-');
            text = text[1..];
        }

        var exponentAt = text.IndexOfAny('E', 'e');
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        Span<char> digits = stackalloc char[40];
        var count = 0;
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        foreach (var c in mantissa)
        {
            if (c != '.')
                digits[count++] = c;
        }

        // Strip leading zeros (0.001 → digits "1", point moves left) and trailing zeros.
        var lead = 0;
        while (lead < count - 1 && digits[lead] == '0')
            lead++;
        var end = count;
        while (end > lead + 1 && digits[end - 1] == '0')
            end--;
        var d = digits[lead..end];
        if (d.Length == 1 && d[0] == '0')
        {
            output.Append("0.0");
            return;
        }

        // value = 0.d × 10^kk, i.e. the decimal point sits kk digits into d.
        var kk = integerDigits - lead + exponent;
        if (kk >= d.Length && kk <= 16)
        {
            output.Append(d);
            for (var i = d.Length; i < kk; i++)
                output.Append('0');
            output.Append(".0");
        }
        else if (kk > 0 && kk <= 16)
        {
            output.Append(d[..kk]);
            output.Append('.');
            output.Append(d[kk..]);
        }
        else if (kk > -5 && kk <= 0)
        {
            output.Append("0.");
            for (var i = kk; i < 0; i++)
                output.Append('0');
            output.Append(d);
        }
        else
        {
            output.Append(d[0]);
            if (d.Length > 1)
            {
                output.Append('.');
                output.Append(d[1..]);
            }
            output.Append('e');
            ValueText.AppendInteger(output, (long)(kk - 1));
        }
    }
}
