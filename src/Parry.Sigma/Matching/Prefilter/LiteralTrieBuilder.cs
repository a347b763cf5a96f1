namespace Parry.Sigma.Matching.Prefilter;

/// <summary>Collects literals into a trie (state 0 is the root), the shared first stage of
/// <see cref="LiteralAutomatonBuilder"/> and <see cref="LiteralTrie"/>.</summary>
/// <remarks>
/// Flat: each state is an index into parallel lists (its character, first child, next sibling, hits), siblings are
/// chained in character order as they are added, and one map finds a state's child by character. A dictionary
/// and a hit list per state, as this was, made building the literal indexes of the SigmaHQ rule groups that an EVTX
/// hunt meets allocation-bound (hundreds of thousands of states, most with one child and no hits), and every
/// walk over a state's children had to sort them first.
/// </remarks>
internal sealed class LiteralTrieBuilder
{
    private readonly List<char> _char = ['\0'];        // the character on the edge into each state (root: none)
    private readonly List<int> _firstChild = [-1];
    private readonly List<int> _nextSibling = [-1];    // the next child of the same parent, in character order
    private readonly List<int> _parent = [-1];
    private readonly List<List<LiteralHit>?> _hits = [null];
    private readonly Dictionary<long, int> _edges = [];

    public int Count => _char.Count;

    /// <summary>The characters of every edge (one per state but the root).</summary>
    public IEnumerable<char> EdgeChars => _char.Skip(1);

    public void Add(string literal, LiteralHit hit)
    {
        var state = 0;
        foreach (var c in literal)
        {
            if (!TryGetChild(state, c, out var child))
                child = AddChild(state, c);
            state = child;
        }
        var hits = _hits[state] ??= [];
        if (!hits.Contains(hit))
            hits.Add(hit);
    }

    public bool TryGetChild(int state, char c, out int child) => _edges.TryGetValue(Edge(state, c), out child);

    /// <summary>A state's first child in character order (-1: none); the others follow through
    /// <see cref="NextSibling"/>.</summary>
    public int FirstChild(int state) => _firstChild[state];

    /// <summary>The next child of the same parent in character order (-1: none).</summary>
    public int NextSibling(int state) => _nextSibling[state];

    /// <summary>The character on the edge into a state.</summary>
    public char CharOf(int state) => _char[state];

    /// <summary>A state's own hits (not those of its failure chain); empty for most states.</summary>
    public IReadOnlyList<LiteralHit> HitsOf(int state) => _hits[state] ?? (IReadOnlyList<LiteralHit>)[];

    /// <summary>
    /// The trie with its states numbered breadth-first: the shallow states, where every walk starts and most end,
    /// share a few cache lines of rows instead of lying wherever their literals were added. States deeper than
    /// <see cref="LiteralTrie.DenseDepth"/> keep their children as a range of consecutive numbers (breadth-first
    /// numbering appends a state's children together) with the character on each edge.
    /// </summary>
    public LiteralTrie Build()
    {
        var order = BreadthFirst();
        var number = new int[Count];
        var depth = new int[Count];
        var dense = 0;
        for (var i = 0; i < order.Count; i++)
        {
            number[order[i]] = i;
            if (i > 0)
                depth[i] = depth[number[_parent[order[i]]]] + 1;
            if (depth[i] <= LiteralTrie.DenseDepth)
                dense = i + 1;
        }
        // Rows cover the characters on the dense states' edges only; deeper edges compare characters.
        var classes = new CharClasses(order.Skip(1).Where(state => depth[number[_parent[state]]] <= LiteralTrie.DenseDepth).Select(state => _char[state]));
        var width = classes.Count;
        var next = new int[dense * width];
        Array.Fill(next, -1);
        var hits = new IReadOnlyList<LiteralHit>?[Count];
        var firstChild = new int[Count + 1];
        var edges = new char[Count];
        firstChild[Count] = Count;
        for (var i = 0; i < order.Count; i++)
        {
            var state = order[i];
            hits[i] = _hits[state];
            edges[i] = _char[state];
            firstChild[i] = _firstChild[state] >= 0 ? number[_firstChild[state]] : -1;
            if (state != 0 && number[_parent[state]] < dense)
                next[number[_parent[state]] * width + classes.Of(_char[state])] = i;
        }
        // A childless state's range is empty: it starts where the next numbered state's children start.
        for (var i = Count - 1; i >= 0; i--)
        {
            if (firstChild[i] < 0)
                firstChild[i] = firstChild[i + 1];
        }
        var (hitStart, flat) = Flatten(hits);
        return new LiteralTrie(classes, next, dense, firstChild, edges, hitStart, flat);
    }

    /// <summary>Every state, parents before children, each level in character order.</summary>
    public List<int> BreadthFirst()
    {
        var order = new List<int>(Count) { 0 };
        for (var head = 0; head < order.Count; head++)
        {
            for (var child = _firstChild[order[head]]; child >= 0; child = _nextSibling[child])
                order.Add(child);
        }
        return order;
    }

    public static (int[] Start, LiteralHit[] Hits) Flatten(IReadOnlyList<IReadOnlyList<LiteralHit>?> perState)
    {
        var start = new int[perState.Count + 1];
        var hits = new List<LiteralHit>();
        for (var state = 0; state < perState.Count; state++)
        {
            start[state] = hits.Count;
            if (perState[state] is { } own)
                hits.AddRange(own);
        }
        start[perState.Count] = hits.Count;
        return (start, [.. hits]);
    }

    private static long Edge(int state, char c) => ((long)state << 16) | c;

    private int AddChild(int parent, char c)
    {
        var child = _char.Count;
        _char.Add(c);
        _firstChild.Add(-1);
        _nextSibling.Add(-1);
        _parent.Add(parent);
        _hits.Add(null);
        _edges.Add(Edge(parent, c), child);
        // Keep the sibling chain in character order: walks over children need no sort.
        var previous = -1;
        var current = _firstChild[parent];
        while (current >= 0 && _char[current] < c)
        {
            previous = current;
            current = _nextSibling[current];
        }
        _nextSibling[child] = current;
        if (previous < 0)
            _firstChild[parent] = child;
        else
            _nextSibling[previous] = child;
        return child;
    }
}
