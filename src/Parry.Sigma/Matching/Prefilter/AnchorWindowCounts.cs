namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// For each window of <see cref="LiteralAnchors.Length"/> characters, how many literals hold it: an open-addressing
/// table keyed by the window's four UTF-16 units packed into 64 bits, so counting neither hashes strings nor makes
/// one per window. Building a rule group's automata spent ~8 % of a hunt of the 532.6 MB corpus counting windows
/// through a string dictionary looked up by span.
/// </summary>
/// <remarks>Plain arrays rather than <c>Dictionary&lt;ulong, int&gt;</c>: a framework generic over a value type has no
/// ReadyToRun code and is compiled at every start (+0.13–0.21 CPU-s measured in round 7), while this class is
/// precompiled in every build. A literal adds to a window's count once however often it holds it: each slot remembers
/// the last literal that counted it.</remarks>
internal sealed class AnchorWindowCounts
{
    private ulong[] _keys;
    private int[] _counts;      // 0: empty slot
    private int[] _lastLiteral;
    private int _used;

    public AnchorWindowCounts(int expectedWindows)
    {
        var capacity = 16;
        while (capacity < expectedWindows)
            capacity <<= 1;
        _keys = new ulong[capacity];
        _counts = new int[capacity];
        _lastLiteral = new int[capacity];
    }

    /// <summary>The window starting at <paramref name="start"/> as one 64-bit key.</summary>
    public static ulong KeyOf(string text, int start) =>
        text[start] | (ulong)text[start + 1] << 16 | (ulong)text[start + 2] << 32 | (ulong)text[start + 3] << 48;

    /// <summary>Counts <paramref name="key"/> for literal number <paramref name="literal"/> (numbered from 0), unless
    /// that literal counted it already.</summary>
    public void Add(ulong key, int literal)
    {
        var slot = Find(key);
        if (_counts[slot] == 0)
        {
            _keys[slot] = key;
            _counts[slot] = 1;
            _lastLiteral[slot] = literal;
            if (++_used * 2 > _keys.Length)
                Grow();
            return;
        }
        if (_lastLiteral[slot] == literal)
            return;
        _lastLiteral[slot] = literal;
        _counts[slot]++;
    }

    /// <summary>How many literals hold the window (0 if none).</summary>
    public int Count(ulong key) => _counts[Find(key)];

    // The key's slot, or the empty slot where it would go: linear probing from a Fibonacci hash, at most half full.
    private int Find(ulong key)
    {
        var mask = _keys.Length - 1;
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
        while (_counts[slot] != 0 && _keys[slot] != key)
            slot = (slot + 1) & mask;
        return slot;
    }

    private void Grow()
    {
        var (keys, counts, last) = (_keys, _counts, _lastLiteral);
        _keys = new ulong[keys.Length * 2];
        _counts = new int[keys.Length * 2];
        _lastLiteral = new int[keys.Length * 2];
        for (var i = 0; i < keys.Length; i++)
        {
            if (counts[i] == 0)
                continue;
            var slot = Find(keys[i]);
            _keys[slot] = keys[i];
            _counts[slot] = counts[i];
            _lastLiteral[slot] = last[i];
        }
    }
}
