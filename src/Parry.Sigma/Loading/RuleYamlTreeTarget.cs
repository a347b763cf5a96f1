using Parry.Sigma.Rules;
using YamlDotNet.Core;

namespace Parry.Sigma.Loading;

/// <summary>
/// Builds the <see cref="RuleYamlNode"/> tree of what <see cref="BlockYamlReader"/> reads, as YamlDotNet's
/// representation model would hold it. A map with a key written twice is not taken (<see cref="StreamEnd"/> is
/// false): YamlDotNet then reads the file and rejects it with its own message and location.
/// </summary>
internal sealed class RuleYamlTreeTarget : BlockYamlTarget
{
    // Nodes read and not yet placed, innermost collection's last; each open collection remembers where its own
    // children start in it. Arrays rather than a list of tuples: a List over a struct is compiled at run time.
    private readonly List<RuleYamlNode> _pending = TakeSpare();
    private Open[] _open = new Open[8];
    private int _depth;
    private bool _duplicateKey;

    // The pending list of the last tree this thread finished, emptied: every node of a file passes through it, and
    // growing a new one for each of thousands of rule files was ~4 % of what loading them allocated.
    [ThreadStatic]
    private static List<RuleYamlNode>? t_spare;
    private const int MaxSparePending = 4096;

    private readonly record struct Open(SourceLocation Start, int FirstChild);

    /// <summary>The documents' roots, in order, as each ends.</summary>
    public List<RuleYamlNode> Roots { get; } = [];

    public override void DocumentStart(bool isImplicit, Mark start, Mark end)
    {
    }

    public override void MappingStart(Mark start, Mark end) => Push(start);

    public override void SequenceStart(Mark start, Mark end) => Push(start);

    public override void Scalar(string value, ScalarStyle style, Mark start, Mark end) =>
        _pending.Add(new RuleYamlScalar(value, style, false, SourceLocation.From(start), (int)end.Line));

    public override void CollectionEnd(bool sequence, Mark at)
    {
        var (start, first) = _open[--_depth];
        var count = _pending.Count - first;
        RuleYamlNode node;
        if (sequence)
        {
            var items = new RuleYamlNode[count];
            _pending.CopyTo(first, items, 0, count);
            node = new RuleYamlSequence(start, items);
        }
        else
        {
            var keys = new RuleYamlNode[count / 2];
            var values = new RuleYamlNode[count / 2];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = _pending[first + 2 * i];
                values[i] = _pending[first + 2 * i + 1];
            }
            _duplicateKey |= HasDuplicate(keys);
            node = new RuleYamlMap(start, keys, values);
        }
        _pending.RemoveRange(first, count);
        _pending.Add(node);
    }

    public override void DocumentEnd(Mark at)
    {
        // The reader gives every document one root, a map; anything else here would be refused at the stream's end.
        _duplicateKey |= _pending.Count != 1;
        Roots.AddRange(_pending);
        _pending.Clear();
    }

    public override bool StreamEnd(Mark at)
    {
        _pending.Clear();
        // A huge file's list is not kept for the thread's lifetime.
        if (_pending.Capacity <= MaxSparePending)
            t_spare = _pending;
        return !_duplicateKey;
    }

    private static List<RuleYamlNode> TakeSpare()
    {
        var spare = t_spare ?? [];
        t_spare = null;
        return spare;
    }

    private void Push(Mark start)
    {
        if (_depth == _open.Length)
        {
            var larger = new Open[_open.Length * 2];
            _open.CopyTo(larger, 0);
            _open = larger;
        }
        _open[_depth++] = new Open(SourceLocation.From(start), _pending.Count);
    }

    // The reader's keys are untagged scalars, which YamlDotNet counts as the same key when their text is.
    private static bool HasDuplicate(RuleYamlNode[] keys)
    {
        if (keys.Length > 16)
        {
            var seen = new HashSet<string>(keys.Length, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (!seen.Add(((RuleYamlScalar)key).Value))
                    return true;
            }
            return false;
        }
        for (var i = 1; i < keys.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (((RuleYamlScalar)keys[i]).Value == ((RuleYamlScalar)keys[j]).Value)
                    return true;
            }
        }
        return false;
    }
}
