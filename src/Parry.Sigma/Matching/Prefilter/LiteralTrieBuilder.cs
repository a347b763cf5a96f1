namespace Parry.Sigma.Matching.Prefilter;

/// <summary>Collects literals into a trie (state 0 is the root), the shared first stage of
/// <see cref="LiteralAutomatonBuilder"/> and <see cref="LiteralTrie"/>.</summary>
internal sealed class LiteralTrieBuilder
{
    public List<Dictionary<char, int>> Children { get; } = [new()];

    public List<List<LiteralHit>> Hits { get; } = [[]];

    public int Count => Children.Count;

    public void Add(string literal, LiteralHit hit)
    {
        var state = 0;
        foreach (var c in literal)
        {
            if (!Children[state].TryGetValue(c, out var child))
            {
                child = Children.Count;
                Children.Add([]);
                Hits.Add([]);
                Children[state][c] = child;
            }
            state = child;
        }
        if (!Hits[state].Contains(hit))
            Hits[state].Add(hit);
    }

    public LiteralTrie Build()
    {
        var classes = new CharClasses(Children.SelectMany(c => c.Keys));
        var width = classes.Count;
        var next = new int[Children.Count * width];
        Array.Fill(next, -1);
        for (var state = 0; state < Children.Count; state++)
        {
            foreach (var (c, child) in Children[state])
                next[state * width + classes.Of(c)] = child;
        }
        var (hitStart, hits) = Flatten(Hits);
        return new LiteralTrie(classes, next, hitStart, hits);
    }

    public static (int[] Start, LiteralHit[] Hits) Flatten(IReadOnlyList<List<LiteralHit>> perState)
    {
        var start = new int[perState.Count + 1];
        var hits = new List<LiteralHit>();
        for (var state = 0; state < perState.Count; state++)
        {
            start[state] = hits.Count;
            hits.AddRange(perState[state]);
        }
        start[perState.Count] = hits.Count;
        return (start, [.. hits]);
    }
}
