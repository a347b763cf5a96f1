namespace Parry.Core.Events;

/// <summary>
/// Works out, for each node of a finished record, the names a rule may use for it, and keeps those the
/// <see cref="FieldTable"/> knows. Every node is known by its dotted path from the root (<c>Event.System.EventID</c>,
/// <c>userIdentity.arn</c>); a Windows event in evtx_dump's shape is also known by the short names Sigma rules use:
/// <c>EventID</c>, <c>Image</c>, <c>Provider_Name</c> (XML attributes joined to their element with '_'), with spaces
/// taken out as the Sigma specification's field-usage rules ask (<c>Threat Name</c> is <c>ThreatName</c>).
/// A <c>#text</c> node and array items stand for their parent.
/// </summary>
/// <remarks>
/// Both names of a node extend the names of its parent, so each is kept in its own buffer as a stack: a node's name
/// is the first N characters, and its children write after them. No string is made per node.
/// Records of one source mostly share a shape (an EVTX template, a web log's fields, a JSON producer's keys), and the
/// keys depend only on the shape, never on values: so the keyer remembers the last few shapes it keyed and, when a
/// record has one of them (checked name by name), hands out the same key arrays — a comparison instead of a hash
/// and a lookup per node, and no allocation. Events never modify their key arrays, so sharing them is safe. One
/// keyer serves one builder, on one thread.
/// </remarks>
internal sealed class EventKeyer
{
    private const int MaxPathChars = 4096;

    private enum AliasMode : byte
    {
        None,        // no short name: the dotted path only
        EvtxRoot,    // the root object of an evtx_dump record
        EvtxEvent,   // the "Event" element
        UserData,    // "UserData": its one child element is a wrapper whose children are the fields
        Flatten,     // inside System / EventData / the UserData wrapper
        Attributes,  // an "#attributes" object: its children join the owner's name with '_'
    }

    private readonly record struct Frame(int End, int PathLength, ulong PathHash, int AliasLength, ulong AliasHash, AliasMode Mode);

    private readonly PathBuffer _path = new();
    private readonly PathBuffer _alias = new();
    private Frame[] _stack = new Frame[16];
    private int _depth;
    private readonly List<int> _keys = [];
    private readonly List<int> _keyNodes = [];

    // A big EVTX file interleaves dozens of providers and templates: 16 shapes thrashed (re-keying a record costs a
    // walk with a hash lookup per node and two arrays), while a scan of 64 fingerprints is a few dozen compares.
    private const int CachedShapes = 64;
    private readonly RecordShape?[] _shapes = new RecordShape?[CachedShapes];
    private long _uses;

    public (int[] Keys, int[] KeyNodes) Key(FieldTable fields, EventNode[] nodes, char[] text)
    {
        if (fields.Count == 0 || nodes.Length < 2)
            return ([], []);
        var fingerprint = RecordShape.FingerprintOf(nodes, text);
        var oldest = 0;
        for (var i = 0; i < _shapes.Length; i++)
        {
            var shape = _shapes[i];
            if (shape is null)
            {
                oldest = i;
                break;
            }
            if (shape.Fingerprint == fingerprint && ReferenceEquals(shape.Table, fields) && shape.Matches(nodes, text))
            {
                shape.LastUse = ++_uses;
                return (shape.Keys, shape.KeyNodes);
            }
            if (shape.LastUse < _shapes[oldest]!.LastUse)
                oldest = i;
        }
        var keyed = KeyAll(fields, nodes, text);
        _shapes[oldest] = new RecordShape(fields, fingerprint, nodes, text, keyed.Keys, keyed.KeyNodes) { LastUse = ++_uses };
        return keyed;
    }

    private (int[] Keys, int[] KeyNodes) KeyAll(FieldTable fields, EventNode[] nodes, char[] text)
    {
        _keys.Clear();
        _keyNodes.Clear();
        _depth = 0;
        Push(new Frame(nodes[0].End, 0, FieldNameHash.Start, 0, FieldNameHash.Start, IsEvtxShape(nodes, text) ? AliasMode.EvtxRoot : AliasMode.None));

        for (var i = 1; i < nodes.Length; i++)
        {
            while (_stack[_depth - 1].End <= i)
                _depth--;
            ref readonly var parent = ref _stack[_depth - 1];
            ref readonly var node = ref nodes[i];
            var named = node.NameStart >= 0;
            var name = named ? text.AsSpan(node.NameStart, node.NameLength) : default;
            var isText = named && name.SequenceEqual("#text");

            var pathLength = parent.PathLength;
            var pathHash = parent.PathHash;
            if (named && !isText)
            {
                pathLength = _path.Append(parent.PathLength, '.', name);
                pathHash = Extend(parent.PathLength, parent.PathHash, name);
            }
            var (aliasLength, aliasHash, mode) = Alias(parent, named, isText, name);

            if (pathLength is > 0 and <= MaxPathChars)
            {
                var pathId = fields.Find(pathHash, _path.Span(pathLength));
                if (pathId >= 0)
                    Add(pathId, i);
                if (aliasLength is > 0 and <= MaxPathChars)
                {
                    var aliasId = fields.Find(aliasHash, _alias.Span(aliasLength));
                    if (aliasId >= 0 && aliasId != pathId)
                        Add(aliasId, i);
                }
            }

            if (!node.IsScalar)
                Push(new Frame(node.End, pathLength, pathHash, aliasLength, aliasHash, mode));
        }
        return ([.. _keys], [.. _keyNodes]);
    }

    private void Push(in Frame frame)
    {
        if (_depth == _stack.Length)
            Array.Resize(ref _stack, _stack.Length * 2);
        _stack[_depth++] = frame;
    }

    private void Add(int key, int node)
    {
        _keys.Add(key);
        _keyNodes.Add(node);
    }

    // The hash of a child's name: the parent's, then the separator (when the parent has a name), then the segment.
    private static ulong Extend(int parentLength, ulong parentHash, ReadOnlySpan<char> segment, char separator = '.') =>
        FieldNameHash.Append(parentLength > 0 ? FieldNameHash.Append(parentHash, separator) : FieldNameHash.Start, segment);

    // The short name of a child and the mode its own children are named in. Length 0: no short name.
    private (int Length, ulong Hash, AliasMode Mode) Alias(in Frame parent, bool named, bool isText, ReadOnlySpan<char> name)
    {
        switch (parent.Mode)
        {
            case AliasMode.EvtxRoot:
                return (0, FieldNameHash.Start, named && name.SequenceEqual("Event") ? AliasMode.EvtxEvent : AliasMode.None);
            case AliasMode.EvtxEvent:
                if (name.SequenceEqual("System") || name.SequenceEqual("EventData"))
                    return (0, FieldNameHash.Start, AliasMode.Flatten);
                return (0, FieldNameHash.Start, name.SequenceEqual("UserData") ? AliasMode.UserData : AliasMode.None);
            case AliasMode.UserData:
                return (0, FieldNameHash.Start, AliasMode.Flatten);
            case AliasMode.Flatten when !named || isText:
                return (parent.AliasLength, parent.AliasHash, AliasMode.Flatten);
            case AliasMode.Flatten when name.SequenceEqual("#attributes"):
                return (parent.AliasLength, parent.AliasHash, AliasMode.Attributes);
            case AliasMode.Flatten:
                return AliasSegment(parent, '.', name);
            case AliasMode.Attributes when named:
                return AliasSegment(parent, '_', name);
            default:
                return (0, FieldNameHash.Start, AliasMode.None);
        }
    }

    // A short name segment, with any spaces in the element's name left out.
    private (int Length, ulong Hash, AliasMode Mode) AliasSegment(in Frame parent, char separator, ReadOnlySpan<char> name)
    {
        if (!name.Contains(' '))
            return (_alias.Append(parent.AliasLength, separator, name), Extend(parent.AliasLength, parent.AliasHash, name, separator), AliasMode.Flatten);
        var stripped = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c != ' ')
                stripped[length++] = c;
        }
        var segment = stripped[..length];
        return (_alias.Append(parent.AliasLength, separator, segment), Extend(parent.AliasLength, parent.AliasHash, segment, separator), AliasMode.Flatten);
    }

    private static bool IsEvtxShape(EventNode[] nodes, char[] text)
    {
        if (nodes[0].Kind != ValueKind.Object)
            return false;
        for (var i = 1; i < nodes.Length; i = nodes[i].End)
        {
            ref readonly var child = ref nodes[i];
            if (child.Kind == ValueKind.Object && text.AsSpan(child.NameStart, child.NameLength).SequenceEqual("Event"))
                return true;
        }
        return false;
    }

    /// <summary>A name kept as a stack of segments: a child's name is its parent's plus one segment.</summary>
    private sealed class PathBuffer
    {
        private char[] _chars = new char[256];

        public ReadOnlySpan<char> Span(int length) => _chars.AsSpan(0, length);

        /// <summary>Writes <paramref name="segment"/> after the first <paramref name="prefixLength"/> characters
        /// and returns the new length; past <see cref="MaxPathChars"/> the name is too long to key.</summary>
        public int Append(int prefixLength, char separator, ReadOnlySpan<char> segment)
        {
            if (prefixLength > MaxPathChars)
                return prefixLength;
            var length = prefixLength > 0 ? prefixLength + 1 + segment.Length : segment.Length;
            if (length > MaxPathChars)
                return MaxPathChars + 1;
            if (length > _chars.Length)
                Array.Resize(ref _chars, Math.Max(length, _chars.Length * 2));
            if (prefixLength > 0)
            {
                _chars[prefixLength] = separator;
                segment.CopyTo(_chars.AsSpan(prefixLength + 1));
            }
            else
            {
                segment.CopyTo(_chars);
            }
            return length;
        }
    }
}
