using System.Globalization;

namespace Parry.Core.Events;

/// <summary>
/// A view of one scalar (or container) node of an event. It holds no copy: text and folded text are spans of the
/// event's arena, so reading a field on the hot path allocates nothing.
/// </summary>
public readonly struct EventValue
{
    private readonly Event _event;
    private readonly int _node;

    internal EventValue(Event @event, int node)
    {
        _event = @event;
        _node = node;
    }

    public ValueKind Kind => _event.Node(_node).Kind;

    /// <summary>The node index inside its event; stable for the life of the event.</summary>
    public int NodeIndex => _node;

    /// <summary>The value as text, exactly as the record holds it (numbers in their decimal form).</summary>
    public ReadOnlySpan<char> Text => _event.TextOf(_node);

    /// <summary>The text lower-cased with invariant culture, for Sigma's default case-insensitive comparison.</summary>
    public ReadOnlySpan<char> FoldedText => _event.FoldedTextOf(_node);

    public bool IsNull => Kind == ValueKind.Null;

    public bool IsScalar => _event.Node(_node).IsScalar;

    /// <summary>The value as a 64-bit integer: integer nodes directly, strings when they hold a plain integer.</summary>
    public bool TryGetInt64(out long value)
    {
        ref readonly var node = ref _event.Node(_node);
        switch (node.Kind)
        {
            case ValueKind.Integer:
                value = node.Bits;
                return true;
            case ValueKind.Float:
                var d = BitConverter.Int64BitsToDouble(node.Bits);
                value = (long)d;
                return d == Math.Floor(d) && d is >= long.MinValue and <= long.MaxValue;
            case ValueKind.String:
                return long.TryParse(Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The value as a double: numeric nodes directly, strings when they hold a plain number.</summary>
    public bool TryGetDouble(out double value)
    {
        ref readonly var node = ref _event.Node(_node);
        switch (node.Kind)
        {
            case ValueKind.Integer:
                value = node.Bits;
                return true;
            case ValueKind.Float:
                value = BitConverter.Int64BitsToDouble(node.Bits);
                return true;
            case ValueKind.String:
                return double.TryParse(Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    public bool TryGetBoolean(out bool value)
    {
        ref readonly var node = ref _event.Node(_node);
        if (node.Kind == ValueKind.Boolean)
        {
            value = node.Bits != 0;
            return true;
        }
        if (node.Kind == ValueKind.String)
            return bool.TryParse(Text.Trim(), out value);
        value = false;
        return false;
    }

    public override string ToString() => Text.ToString();
}
