using System.Globalization;
using Parry.Core.Events;

namespace Parry.Ingest.Text;

/// <summary>Shorthands for the decoders of text formats: one named field per call.</summary>
internal static class BuilderFields
{
    public static void Field(this EventBuilder builder, string name, ReadOnlySpan<char> value)
    {
        builder.PropertyName(name);
        builder.String(value);
    }

    /// <summary>A field that is a number when the text is a plain integer, else the text.</summary>
    public static void NumberField(this EventBuilder builder, string name, ReadOnlySpan<char> value)
    {
        builder.PropertyName(name);
        if (value.Length is > 0 and < 19 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // Plain digits without a leading zero are already the number's decimal form: keep them as written.
            if (value[0] != '0' || value.Length == 1)
                builder.Integer(number, value);
            else
                builder.Integer(number);
        }
        else
        {
            builder.String(value);
        }
    }

    public static void Field(this EventBuilder builder, string name, long value)
    {
        builder.PropertyName(name);
        builder.Integer(value);
    }

    public static void Field(this EventBuilder builder, string name, bool value)
    {
        builder.PropertyName(name);
        builder.Boolean(value);
    }
}
