using System.Globalization;

namespace Parry.Core.Events;

/// <summary>
/// Builds one <see cref="Event"/> at a time from a decoder's stream of names and values, the way
/// <c>Utf8JsonWriter</c> is driven: <see cref="PropertyName"/> then a value or a container. The builder is reused
/// from record to record; its scratch buffers grow to the largest record seen (within <see cref="EventLimits"/>)
/// and are then allocation-free. <see cref="Build"/> copies the record into an exact-size immutable event.
/// </summary>
/// <remarks>Misuse (a value without a name inside an object) is a bug in the decoder and throws
/// <see cref="InvalidOperationException"/>; input that breaks the limits throws <see cref="EventTooLargeException"/>.</remarks>
public sealed class EventBuilder(EventLimits? limits = null)
{
    private readonly EventLimits _limits = limits ?? EventLimits.Default;
    private EventNode[] _nodes = new EventNode[64];
    private int _nodeCount;
    private char[] _text = new char[1024];
    private int _textLength;
    // The builder's own scratch arena, and the event whose arena it writes on (ContinueArena) until the next Reset:
    // that event's text then sits at the very offsets its nodes give.
    private char[]? _scratch;
    private Event? _continued;
    // Characters the record holds, counted against the limit: the continued event's own text is not the record's.
    private int _counted;
    private readonly Stack<int> _open = new();
    private int _pendingNameStart = -1;
    private int _pendingNameLength;
    private bool _rootWritten;

    private readonly EventKeyer _keyer = new();

    /// <summary>Nodes written so far for the current record.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>Depth of open containers.</summary>
    public int Depth => _open.Count;

    public void Reset()
    {
        if (_continued is not null)
        {
            _text = _scratch!;
            _continued = null;
        }
        _nodeCount = 0;
        _textLength = 0;
        _counted = 0;
        _open.Clear();
        _pendingNameStart = -1;
        _pendingNameLength = 0;
        _rootWritten = false;
    }

    /// <summary>
    /// Writes the record (just after <see cref="Reset"/>) on <paramref name="source"/>'s arena instead of a copy of
    /// it: runs of <paramref name="source"/>'s members copied with <see cref="CopyMembers"/> keep their text where it
    /// is, and new text goes into the room past <paramref name="source"/>'s (made by <see cref="Build(FieldTable,
    /// EventOrigin, string, DateTimeOffset?, int)"/>). The event built has the same nodes, names and values as without
    /// it (at other offsets of a larger arena, shared with <paramref name="source"/>, which keeps it alive). False,
    /// and nothing changes, when its room is shorter than <paramref name="needed"/> characters (the new text would
    /// not fit: copying then costs less than growing a shared arena) or another event has continued it already.
    /// </summary>
    public bool ContinueArena(Event source, long needed)
    {
        if (_nodeCount != 0 || _textLength != 0 || _rootWritten)
            throw new InvalidOperationException("An arena is continued before anything is written.");
        if (needed > source.Arena.Length - source.TextLength || !source.TryContinueArena())
            return false;
        _scratch = _text;
        _text = source.Arena;
        _textLength = source.TextLength;
        _continued = source;
        return true;
    }

    /// <summary>Names the next value; required inside an object, forbidden inside an array and at the root.</summary>
    public void PropertyName(ReadOnlySpan<char> name)
    {
        if (!InObject)
            throw new InvalidOperationException("A property name is only valid inside an object.");
        if (_pendingNameStart >= 0)
            throw new InvalidOperationException("Two property names in a row.");
        if (name.Length > EventNode.MaxNameLength)
            throw new EventTooLargeException($"a field name longer than {EventNode.MaxNameLength} characters");
        _pendingNameStart = AppendText(name);
        _pendingNameLength = name.Length;
    }

    public void StartObject() => Open(ValueKind.Object);

    public void StartArray() => Open(ValueKind.Array);

    public void EndObject() => Close(ValueKind.Object);

    public void EndArray() => Close(ValueKind.Array);

    public void String(ReadOnlySpan<char> value)
    {
        var (nameStart, nameLength) = TakeName();
        var start = AppendText(value);
        AddNode(new EventNode(Parent, _nodeCount + 1, nameStart, nameLength, start, value.Length, 0, ValueKind.String));
    }

    public void Integer(long value)
    {
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        Scalar(ValueKind.Integer, digits[..written], value);
    }

    /// <summary>An integer whose decimal text the decoder already holds, kept as written instead of formatted
    /// again; <paramref name="text"/> must be exactly what <see cref="Integer(long)"/> would write for
    /// <paramref name="value"/>.</summary>
    public void Integer(long value, ReadOnlySpan<char> text)
    {
        System.Diagnostics.Debug.Assert(text.SequenceEqual(value.ToString(CultureInfo.InvariantCulture)));
        Scalar(ValueKind.Integer, text, value);
    }

    public void UnsignedInteger(ulong value)
    {
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        if (value <= long.MaxValue)
            Scalar(ValueKind.Integer, digits[..written], (long)value);
        else
            Scalar(ValueKind.Float, digits[..written], BitConverter.DoubleToInt64Bits(value));
    }

    public void Float(double value)
    {
        Span<char> digits = stackalloc char[32];
        value.TryFormat(digits, out var written, "R", CultureInfo.InvariantCulture);
        Scalar(ValueKind.Float, digits[..written], BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>A number given as text (a JSON number token): its text is kept exactly as written.</summary>
    public void Number(ReadOnlySpan<char> text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            Scalar(ValueKind.Integer, text, integer);
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            Scalar(ValueKind.Float, text, BitConverter.DoubleToInt64Bits(real));
        else
            throw new FormatException($"'{text}' is not a number.");
    }

    public void Boolean(bool value) => Scalar(ValueKind.Boolean, value ? "true" : "false", value ? 1 : 0);

    public void Null() => Scalar(ValueKind.Null, [], 0);

    /// <summary>
    /// Writes into the object open now a copy of members of an object of <paramref name="source"/>: the nodes
    /// [<paramref name="start"/>, <paramref name="end"/>), which must be whole members (each with its subtree) of one
    /// object, in their order. The copy is what writing the same names and values again would give, node for node,
    /// without decoding them again: a producer that builds a second event sharing parts of a first (the record of a
    /// call that was judged) copies those parts. The depth is the source's, within the same limits.
    /// </summary>
    public void CopyMembers(Event source, int start, int end)
    {
        if (!InObject)
            throw new InvalidOperationException("Members are only copied into an object.");
        if (_pendingNameStart >= 0)
            throw new InvalidOperationException("A property name without a value.");
        if (start < 1 || end > source.NodeCount || start > end)
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {end}) is not a range of members of the source.");
        if (start == end)
            return;
        // The same bound AddNode keeps, checked once for the run (this copies a whole event's worth of nodes per call).
        if (_nodeCount + (end - start) > _limits.MaxNodes)
            throw new EventTooLargeException($"more than {_limits.MaxNodes} fields");
        if (_nodeCount + (end - start) > _nodes.Length)
            Array.Resize(ref _nodes, Math.Max(_nodes.Length * 2, _nodeCount + (end - start)));
        var owner = source.Node(start).Parent;
        var into = Parent;
        var shift = _nodeCount - start;
        // A builder appends names and values in node order, so a run's text is usually one stretch of the source's
        // arena with nothing between: copied once, every node then moves by the same distance — the very nodes that
        // copying each name and value on its own gives (~70 small copies per call for the gateway's record). A run
        // laid out otherwise is copied name by name.
        var from = source.Node(start).NameStart;
        var cursor = from;
        for (var i = start; i < end; i++)
        {
            ref readonly var node = ref source.Node(i);
            var member = node.Parent == owner;
            if (member ? node.NameStart < 0 || node.End > end : node.Parent < start)
                throw new ArgumentException($"[{start}, {end}) is not a run of whole members of one object.", nameof(end));
            if (cursor < 0)
                continue;
            if (node.NameStart >= 0)
                cursor = node.NameStart == cursor ? cursor + node.NameLength : -1;
            if (node.IsScalar && cursor >= 0)
                cursor = node.TextStart == cursor ? cursor + node.TextLength : -1;
        }
        if (cursor >= 0)
        {
            // On the source's own arena (ContinueArena) the run's text is already at its offsets: counted, not copied.
            var delta = 0;
            if (ReferenceEquals(source, _continued))
                Count(cursor - from);
            else
                delta = AppendText(source.ArenaRange(from, cursor - from)) - from;
            for (var i = start; i < end; i++)
            {
                ref readonly var node = ref source.Node(i);
                _nodes[_nodeCount++] = new EventNode(node.Parent == owner ? into : node.Parent + shift, node.End + shift,
                    node.NameStart < 0 ? -1 : node.NameStart + delta, node.NameLength,
                    node.IsScalar ? node.TextStart + delta : 0, node.TextLength, node.Bits, node.Kind);
            }
            return;
        }
        for (var i = start; i < end; i++)
        {
            ref readonly var node = ref source.Node(i);
            var nameStart = node.NameStart < 0 ? -1 : AppendText(source.NameOf(i));
            var textStart = node.IsScalar ? AppendText(source.TextOf(i)) : 0;
            _nodes[_nodeCount++] = new EventNode(node.Parent == owner ? into : node.Parent + shift, node.End + shift, nameStart, node.NameLength,
                textStart, node.TextLength, node.Bits, node.Kind);
        }
    }

    /// <summary>Copies the record into an immutable event keyed for <paramref name="fields"/>.</summary>
    public Event Build(FieldTable fields, EventOrigin origin, string sourceKind, DateTimeOffset? timestamp = null) =>
        Build(fields, origin, sourceKind, timestamp, 0);

    /// <summary>As <see cref="Build(FieldTable, EventOrigin, string, DateTimeOffset?)"/>, with room for
    /// <paramref name="room"/> more characters past the event's text, for an event that will continue its arena
    /// (<see cref="ContinueArena"/>) to write there instead of copying this one's text.</summary>
    public Event Build(FieldTable fields, EventOrigin origin, string sourceKind, DateTimeOffset? timestamp, int room)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(room);
        if (_open.Count != 0)
            throw new InvalidOperationException("Build with containers still open.");
        if (!_rootWritten)
            throw new InvalidOperationException("Build before any value was written.");

        var nodes = _nodes.AsSpan(0, _nodeCount).ToArray();
        char[] text;
        if (_continued is not null && ReferenceEquals(_text, _continued.Arena))
            text = _text; // written in the continued event's room: shared, not copied
        else
        {
            text = new char[_textLength + room];
            _text.AsSpan(0, _textLength).CopyTo(text);
        }
        var (keys, keyNodes) = _keyer.Key(fields, nodes, text);
        return new Event(nodes, keys, keyNodes, text, _textLength, origin, sourceKind, timestamp);
    }

    private bool InObject => _open.Count > 0 && _nodes[_open.Peek()].Kind == ValueKind.Object;

    private int Parent => _open.Count == 0 ? -1 : _open.Peek();

    private void Scalar(ValueKind kind, ReadOnlySpan<char> text, long bits)
    {
        var (nameStart, nameLength) = TakeName();
        var start = AppendText(text);
        AddNode(new EventNode(Parent, _nodeCount + 1, nameStart, nameLength, start, text.Length, bits, kind));
    }

    private void Open(ValueKind kind)
    {
        if (_open.Count >= _limits.MaxDepth)
            throw new EventTooLargeException($"nesting deeper than {_limits.MaxDepth} levels");
        var (nameStart, nameLength) = TakeName();
        var parent = Parent;
        AddNode(new EventNode(parent, _nodeCount + 1, nameStart, nameLength, 0, 0, 0, kind));
        _open.Push(_nodeCount - 1);
    }

    private void Close(ValueKind kind)
    {
        if (_open.Count == 0 || _nodes[_open.Peek()].Kind != kind)
            throw new InvalidOperationException($"End of {kind} does not match the open container.");
        if (_pendingNameStart >= 0)
            throw new InvalidOperationException("A property name without a value.");
        var index = _open.Pop();
        _nodes[index] = _nodes[index].WithEnd(_nodeCount);
    }

    private (int Start, int Length) TakeName()
    {
        if (_open.Count == 0)
        {
            if (_rootWritten)
                throw new InvalidOperationException("An event has exactly one root value.");
            _rootWritten = true;
            return (-1, 0);
        }
        if (InObject)
        {
            if (_pendingNameStart < 0)
                throw new InvalidOperationException("A value inside an object needs a property name.");
            var name = (_pendingNameStart, _pendingNameLength);
            _pendingNameStart = -1;
            return name;
        }
        return (-1, 0);
    }

    private void AddNode(in EventNode node)
    {
        if (_nodeCount >= _limits.MaxNodes)
            throw new EventTooLargeException($"more than {_limits.MaxNodes} fields");
        if (_nodeCount == _nodes.Length)
            Array.Resize(ref _nodes, _nodes.Length * 2);
        _nodes[_nodeCount++] = node;
    }

    private int AppendText(ReadOnlySpan<char> value)
    {
        Count(value.Length);
        if (_textLength + value.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + value.Length));
        var start = _textLength;
        value.CopyTo(_text.AsSpan(start));
        _textLength += value.Length;
        return start;
    }

    // The limit is on the record's characters, whether written or kept in place on a continued arena.
    private void Count(int length)
    {
        if ((long)_counted + length > _limits.MaxTextChars)
            throw new EventTooLargeException($"more than {_limits.MaxTextChars} characters of text");
        _counted += length;
    }
}
