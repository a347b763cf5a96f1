using System.Text.Json;
using Parry.Core.Actors;

namespace Parry.Core.Events;

/// <summary>
/// One decoded record: a tree of named values (the record as its format holds it), the names rules can look its
/// fields up by, its time, where it came from and the actors it names. Decoders of every format produce this; the
/// matcher, correlator and sinks consume it.
/// </summary>
/// <remarks>
/// Storage is three arrays: nodes in pre-order, the (field id, node) pairs a <see cref="FieldTable"/> gave it, and
/// one character arena holding every name and value. Field lookup scans the key array with a vectorised search and
/// returns spans of the arena, so the hot path allocates nothing. Lower-cased text (for Sigma's case-insensitive
/// comparisons) is made on first use, into a second arena allocated then — for a pure-ASCII record all at once, one
/// vectorised pass, otherwise per value — so a decoded record that is only printed never pays for folding at all.
/// An event is read by one thread at a time (decoders hand it on, they do not share it).
/// </remarks>
public sealed class Event
{
    private readonly EventNode[] _nodes;
    private readonly int[] _keys;
    private readonly int[] _keyNodes;
    private readonly char[] _text;
    private readonly int _textLength;
    private int _arenaContinued;
    private char[]? _folded;
    private ulong[]? _foldedNodes;
    private bool _foldedWhole;

    // A released folded copy is kept for the next event folded on the same thread (one per thread), so a holder
    // that releases after matching (the gateway folds and releases two events per call) folds into the same arena
    // instead of allocating one as large as the event's text each time. A run that never releases (a hunt) allocates
    // exactly as before. Larger arenas are not kept: one rare huge event must not pin its size per thread.
    [ThreadStatic] private static char[]? t_spareFolded;
    [ThreadStatic] private static ulong[]? t_spareFoldedNodes;
    private const int MaxSpareFolded = 16 * 1024;

    internal Event(
        EventNode[] nodes, int[] keys, int[] keyNodes, char[] text, int textLength,
        EventOrigin origin, string sourceKind, DateTimeOffset? timestamp)
    {
        _nodes = nodes;
        _keys = keys;
        _keyNodes = keyNodes;
        _text = text;
        _textLength = textLength;
        Origin = origin;
        SourceKind = sourceKind;
        Timestamp = timestamp;
    }

    /// <summary>The decoder that produced the event (<c>evtx</c>, <c>json</c>, <c>syslog</c>, <c>webserver</c> …);
    /// log-source mappings may select on it.</summary>
    public string SourceKind { get; }

    public EventOrigin Origin { get; }

    /// <summary>Event time, when the record carries one. Set by the decoding stage before the event is handed on;
    /// read-only after that.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The actor keys the record carries (source IP, user, host, agent session), most specific first.
    /// Set by the decoding stage before the event is handed on; read-only after that.</summary>
    public IReadOnlyList<Actor> Actors { get; set; } = [];

    /// <summary>The first actor key, the one a detection reports.</summary>
    public Actor? PrimaryActor => Actors.Count > 0 ? Actors[0] : null;

    /// <summary>Number of nodes in the record's tree (the root included).</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Whether the record has the field at all, whatever its value (Sigma's <c>exists</c>).</summary>
    public bool Has(int field) => field >= 0 && _keys.AsSpan().IndexOf(field) >= 0;

    /// <summary>The field ids the record has values under, once per keyed node (a field can repeat): lets a reader
    /// that looks for many fields walk the record's few keys once instead of searching them per field.</summary>
    public ReadOnlySpan<int> FieldIds => _keys;

    /// <summary>The node keyed at <paramref name="position"/> of <see cref="FieldIds"/> (a scalar or a container):
    /// with <see cref="FieldIds"/>, one walk over the keys reads the values of many fields.</summary>
    public EventValue ValueAtKey(int position) => new(this, _keyNodes[position]);

    /// <summary>The scalar values of a field: one for a plain field, one per item for a list.</summary>
    public FieldValues Values(int field) => new(this, field < 0 ? [] : _keys, _keyNodes, field);

    /// <summary>The first scalar value of a field.</summary>
    public bool TryGetValue(int field, out EventValue value)
    {
        foreach (var v in Values(field))
        {
            value = v;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The first scalar value of a field as a string, or null; allocates, for use off the hot path.</summary>
    public string? GetString(int field) => TryGetValue(field, out var value) ? value.Text.ToString() : null;

    /// <summary>Every scalar value of the record, for keyword searches over the whole event.</summary>
    public ScalarValues AllValues() => new(this);

    /// <summary>Writes the record's tree as JSON, names and values as the record holds them.</summary>
    public void WriteJson(Utf8JsonWriter writer) => EventJsonWriter.Write(this, writer);

    internal ref readonly EventNode Node(int index) => ref _nodes[index];

    internal ReadOnlySpan<char> TextOf(int index)
    {
        ref readonly var node = ref _nodes[index];
        return _text.AsSpan(node.TextStart, node.TextLength);
    }

    internal ReadOnlySpan<char> FoldedTextOf(int index)
    {
        ref readonly var node = ref _nodes[index];
        if (node.TextLength == 0)
            return default;
        if (_folded is not { } folded)
            folded = FoldWholeText();
        if (!_foldedWhole)
        {
            var done = _foldedNodes ??= TakeFoldedNodes((_nodes.Length + 63) >> 6);
            var bit = 1UL << (index & 63);
            if ((done[index >> 6] & bit) == 0)
            {
                var source = _text.AsSpan(node.TextStart, node.TextLength);
                var target = folded.AsSpan(node.TextStart, node.TextLength);
                // Most values are ASCII: the vectorised ASCII lower-casing gives the same result as the invariant
                // culture's for them, at a fraction of the cost; anything else takes the full path.
                if (System.Text.Ascii.ToLower(source, target, out _) != System.Buffers.OperationStatus.Done)
                    source.ToLowerInvariant(target);
                done[index >> 6] |= bit;
            }
        }
        return folded.AsSpan(node.TextStart, node.TextLength);
    }

    /// <summary>
    /// The lower-cased text of the whole record (every name and value) when it holds no surrogate, folded in one pass
    /// as <see cref="EventValue.FoldedText"/> would fold each value: every value's folded text is a substring of it, so
    /// a search that finds nothing here would find nothing in any value (one search instead of one per value). False
    /// for a record with a surrogate, whose values are folded one by one.
    /// </summary>
    public bool TryGetFoldedWholeText(out ReadOnlySpan<char> text)
    {
        var folded = _folded ?? FoldWholeText();
        text = _foldedWhole ? folded.AsSpan(0, _textLength) : default;
        return _foldedWhole;
    }

    // First use: the invariant culture lower-cases every character other than a surrogate on its own, so folding the
    // whole text in one pass gives every value exactly what folding it alone would, without a call and a done bit per
    // value (per-value folding cost ~1 µs per event on fresh events). Runs of ASCII go through the vectorised ASCII
    // lower-casing, the other characters one by one (half the regression data's process creations hold some: a
    // typographic quote, an accented name). A record with a surrogate keeps per-value folding: the invariant
    // culture's lower-casing reads surrogate pairs, which must not be paired across two values' boundaries.
    private char[] FoldWholeText()
    {
        var folded = _folded = TakeFoldedArena(_textLength);
        _foldedWhole = FoldUnlessSurrogate(_text.AsSpan(0, _textLength), folded);
        return folded;
    }

    // Folds source into target character by character; stops with false at the first surrogate (target then holds
    // only part of the folded text).
    private static bool FoldUnlessSurrogate(ReadOnlySpan<char> source, Span<char> target)
    {
        var at = 0;
        while (System.Text.Ascii.ToLower(source[at..], target[at..], out var written) != System.Buffers.OperationStatus.Done)
        {
            for (at += written; at < source.Length && source[at] >= 128; at++)
            {
                if (char.IsSurrogate(source[at]))
                    return false;
                target[at] = char.ToLowerInvariant(source[at]);
            }
        }
        return true;
    }

    /// <summary>Drops the lower-cased copy of the text made while matching; it is made again on the next use.
    /// For a holder that keeps matched events long after matching (a correlation's reorder buffer), where the copy
    /// would otherwise double the text it keeps alive. Same threading rule as the rest of the event. The copy goes to
    /// the calling thread's spare for the next event it folds, so folded spans taken before must not be read after.</summary>
    public void ReleaseFoldedText()
    {
        if (_folded is { Length: <= MaxSpareFolded } folded && (t_spareFolded is null || t_spareFolded.Length < folded.Length))
            t_spareFolded = folded;
        if (_foldedNodes is { Length: <= MaxSpareFolded / 64 } done && (t_spareFoldedNodes is null || t_spareFoldedNodes.Length < done.Length))
            t_spareFoldedNodes = done;
        _folded = null;
        _foldedNodes = null;
        _foldedWhole = false;
    }

    // Values are folded before they are read (the done bits say which), so neither a reused nor a new arena needs
    // clearing.
    private static char[] TakeFoldedArena(int length)
    {
        if (t_spareFolded is { } spare && spare.Length >= length)
        {
            t_spareFolded = null;
            return spare;
        }
        return GC.AllocateUninitializedArray<char>(length);
    }

    // The done bits of a reused set are cleared: a node counts as folded only once this event folded it.
    private static ulong[] TakeFoldedNodes(int length)
    {
        if (t_spareFoldedNodes is { } spare && spare.Length >= length)
        {
            t_spareFoldedNodes = null;
            Array.Clear(spare, 0, length);
            return spare;
        }
        return new ulong[length];
    }

    /// <summary>The character arena; its first <see cref="TextLength"/> characters are this event's, any beyond are
    /// room a second event may continue it into (<see cref="TryContinueArena"/>).</summary>
    internal char[] Arena => _text;

    internal int TextLength => _textLength;

    /// <summary>Claims the arena's room past this event's text for one other event (the builder of an event that copies
    /// parts of this one writes its own text there and keeps this one's at the same offsets). Only the first caller
    /// gets it: two events writing the same room would overwrite each other's text. This event's own characters are
    /// never written again, so it may still be read on another thread meanwhile.</summary>
    internal bool TryContinueArena() => Interlocked.Exchange(ref _arenaContinued, 1) == 0;

    /// <summary>A stretch of the character arena, whatever nodes it holds (for copying runs of nodes at once).</summary>
    internal ReadOnlySpan<char> ArenaRange(int start, int length) => _text.AsSpan(start, length);

    internal ReadOnlySpan<char> NameOf(int index)
    {
        ref readonly var node = ref _nodes[index];
        return node.NameStart < 0 ? default : _text.AsSpan(node.NameStart, node.NameLength);
    }

    internal EventValue ValueAt(int index) => new(this, index);
}
