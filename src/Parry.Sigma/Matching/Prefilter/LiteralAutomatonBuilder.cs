using System.Buffers;

namespace Parry.Sigma.Matching.Prefilter;

/// <summary>Builds a <see cref="LiteralAutomaton"/>: a trie of the literals numbered breadth-first, failure links,
/// dense rows for the states up to <see cref="DenseDepth"/>, each state's children as one consecutive range with
/// their edge characters, and each state's hits merged with those of its failure chain. The trie spells each
/// literal's anchor (<see cref="LiteralAnchors"/>), not the literal: a hit of a longer literal is checked against
/// the text around the anchor when the walk reaches it.</summary>
internal sealed class LiteralAutomatonBuilder
{
    /// <summary>States this close to the root get dense rows: a scan is almost always at depth 0 to 2.</summary>
    public const int DenseDepth = 2;

    /// <summary>
    /// Most literals an automaton gets a vectorised guard for (see <see cref="LiteralAutomaton"/>): small sets,
    /// which .NET searches with Teddy; for large ones the guard would cost nearly a scan of its own.
    /// </summary>
    public const int MaxGuardedLiterals = 64;

    private readonly List<(string Folded, LiteralHit Hit)> _added = [];
    private readonly HashSet<string> _literals = new(StringComparer.Ordinal);

    public void Add(string folded, LiteralHit hit)
    {
        _added.Add((folded, hit));
        _literals.Add(folded);
    }

    public LiteralAutomaton Build()
    {
        // The trie holds each check (an anchor, and the literal to compare around it unless the anchor is the whole
        // literal) as a number into `checks`, so merging along failure links keeps a check with its hits.
        var trie = new LiteralTrieBuilder();
        var anchors = LiteralAnchors.Choose(_literals);
        var checks = new List<(string? Literal, int Back, List<LiteralHit> Hits)>();
        var checkOf = new Dictionary<(string Anchor, string? Literal, int Back), int>();
        foreach (var (folded, hit) in _added)
        {
            var whole = folded.Length <= LiteralAnchors.Length;
            var key = whole
                ? (folded, null, 0)
                : (folded.Substring(anchors[folded], LiteralAnchors.Length), folded, anchors[folded] + LiteralAnchors.Length);
            if (!checkOf.TryGetValue(key, out var id))
            {
                checkOf[key] = id = checks.Count;
                checks.Add((key.Item2, key.Item3, []));
                trie.Add(key.Item1, new LiteralHit(id, 0));
            }
            if (!checks[id].Hits.Contains(hit))
                checks[id].Hits.Add(hit);
        }
        // Dense rows cover ASCII only: non-ASCII characters take the child lists (see LiteralAutomaton).
        var classes = new CharClasses(trie.EdgeChars.Where(c => c < 128));
        var width = classes.Count;
        var count = trie.Count;

        // Breadth-first numbering, so shallow states come first and a failure target precedes its state. (The
        // trie keeps each state's children in character order, so this needs no sort.)
        var order = new List<int>(count) { 0 };
        var depth = new int[count];
        var dense = 0;
        // Each state's children are numbered consecutively (they are appended together): links[2·state] is where
        // they begin, links[2·state + 1] the failure link, and links[2·count] ends the last range.
        var links = new int[2 * count + 1];
        links[2 * count] = count;
        for (var head = 0; head < order.Count; head++)
        {
            links[2 * head] = order.Count;
            if (depth[order[head]] <= DenseDepth)
                dense++;
            for (var child = trie.FirstChild(order[head]); child >= 0; child = trie.NextSibling(child))
            {
                depth[child] = depth[order[head]] + 1;
                order.Add(child);
            }
        }
        var number = new int[count];
        for (var i = 0; i < count; i++)
            number[order[i]] = i;

        // Failure links (in new numbering) and the complete rows of the dense states.
        var fail = new int[count];
        var next = new int[dense * width];
        int Goto(int state, char c)
        {
            // Full DFA transition from a state already numbered: follow failure links to a child or the root.
            while (true)
            {
                if (state < dense && c < 128)
                    return next[state * width + classes.Of(c)];
                if (trie.TryGetChild(order[state], c, out var child))
                    return number[child];
                if (state == 0)
                    return 0;
                state = fail[state];
            }
        }
        foreach (var original in order)
        {
            var state = number[original];
            if (state < dense)
            {
                for (var cls = 0; cls < width; cls++)
                    next[state * width + cls] = state == 0 ? 0 : next[fail[state] * width + cls];
            }
            for (var childOriginal = trie.FirstChild(original); childOriginal >= 0; childOriginal = trie.NextSibling(childOriginal))
            {
                var c = trie.CharOf(childOriginal);
                var child = number[childOriginal];
                fail[child] = state == 0 ? 0 : Goto(fail[state], c);
                if (state < dense && c < 128)
                    next[state * width + classes.Of(c)] = child;
            }
        }

        (classes, next) = MergeEqualColumns(classes, next, dense);

        for (var state = 0; state < count; state++)
            links[2 * state + 1] = fail[state];

        // Hits, merged along failure links in breadth-first order. A state without hits of its own shares its failure
        // target's list (read only from here on), so most states allocate nothing.
        var merged = new List<LiteralHit>[count];
        for (var state = 0; state < count; state++)
        {
            var ownHits = trie.HitsOf(order[state]);
            if (state != 0 && ownHits.Count == 0)
            {
                merged[state] = merged[fail[state]];
                continue;
            }
            var list = new List<LiteralHit>(ownHits.Count);
            list.AddRange(ownHits);
            if (state != 0)
            {
                foreach (var inherited in merged[fail[state]])
                {
                    if (!list.Contains(inherited))
                        list.Add(inherited);
                }
            }
            merged[state] = list;
        }
        var (hitStart, ids) = LiteralTrieBuilder.Flatten(merged);
        var hits = new List<LiteralHit>();
        var ranges = new (int Start, int End)[checks.Count];
        for (var id = 0; id < checks.Count; id++)
        {
            ranges[id] = (hits.Count, hits.Count + checks[id].Hits.Count);
            hits.AddRange(checks[id].Hits);
        }
        var literalText = new System.Text.StringBuilder();
        var literalAt = new int[checks.Count];
        for (var id = 0; id < checks.Count; id++)
        {
            literalAt[id] = literalText.Length;
            literalText.Append(checks[id].Literal);
        }
        LiteralCheck[] stateChecks =
        [
            .. ids.Select(id => new LiteralCheck(
                literalAt[id.Slot], checks[id.Slot].Literal?.Length ?? 0, checks[id.Slot].Back,
                ranges[id.Slot].Start, ranges[id.Slot].End - ranges[id.Slot].Start)),
        ];
        var guard = _literals.Count <= MaxGuardedLiterals ? SearchValues.Create([.. _literals], StringComparison.Ordinal) : null;
        // The character on the edge into each state, bit 16 set when the state has hits (a walk that takes the edge
        // learns whether to mark from the value it compared).
        var edges = new char[count];
        for (var state = 1; state < count; state++)
            edges[state] = trie.CharOf(order[state]);
        return new LiteralAutomaton(classes, dense, next, links, HitFlags.FlagEdges(edges, hitStart), hitStart, stateChecks, literalText.ToString().ToCharArray(), [.. hits], guard);
    }

    /// <summary>
    /// ASCII characters whose transitions agree in every dense row share one class: only characters that start or
    /// continue a literal within the dense depth tell the rows apart, so rows stay narrower than the literals'
    /// alphabet.
    /// </summary>
    private static (CharClasses, int[]) MergeEqualColumns(CharClasses classes, int[] next, int dense)
    {
        var width = classes.Count;
        var merged = new int[width];
        var representatives = new List<int>();
        var byColumn = new Dictionary<int, List<int>>();
        for (var cls = 0; cls < width; cls++)
        {
            var hash = new HashCode();
            for (var state = 0; state < dense; state++)
                hash.Add(next[state * width + cls]);
            var key = hash.ToHashCode();
            if (!byColumn.TryGetValue(key, out var candidates))
                byColumn[key] = candidates = [];
            var found = -1;
            foreach (var known in candidates)
            {
                if (SameColumn(next, width, dense, representatives[known], cls))
                {
                    found = known;
                    break;
                }
            }
            if (found < 0)
            {
                found = representatives.Count;
                representatives.Add(cls);
                candidates.Add(found);
            }
            // Class 0 (characters in no literal) comes first, so it stays 0 and its peers join it.
            merged[cls] = found;
        }
        if (representatives.Count == width)
            return (classes, next);
        var narrow = representatives.Count;
        var compact = new int[dense * narrow];
        for (var state = 0; state < dense; state++)
        {
            for (var cls = 0; cls < narrow; cls++)
                compact[state * narrow + cls] = next[state * width + representatives[cls]];
        }
        return (classes.Merge(merged, narrow), compact);
    }

    private static bool SameColumn(int[] next, int width, int dense, int a, int b)
    {
        for (var state = 0; state < dense; state++)
        {
            if (next[state * width + a] != next[state * width + b])
                return false;
        }
        return true;
    }
}
