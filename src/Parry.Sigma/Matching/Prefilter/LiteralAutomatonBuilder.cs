namespace Parry.Sigma.Matching.Prefilter;

/// <summary>Builds a <see cref="LiteralAutomaton"/>: a trie of the literals, failure links by breadth-first
/// search, the full transition table, and each state's hits merged with those of its failure chain.</summary>
internal sealed class LiteralAutomatonBuilder
{
    private readonly LiteralTrieBuilder _trie = new();

    public void Add(string folded, LiteralHit hit) => _trie.Add(folded, hit);

    public LiteralAutomaton Build()
    {
        var (children, own) = (_trie.Children, _trie.Hits);
        var classes = new CharClasses(children.SelectMany(c => c.Keys));
        var width = classes.Count;
        var states = children.Count;
        var next = new int[states * width];
        var fail = new int[states];
        var order = new List<int>(states) { 0 };
        for (var head = 0; head < order.Count; head++)
        {
            var state = order[head];
            for (var cls = 0; cls < width; cls++)
                next[state * width + cls] = state == 0 ? 0 : next[fail[state] * width + cls];
            foreach (var (c, child) in children[state])
            {
                var cls = classes.Of(c);
                fail[child] = state == 0 ? 0 : next[fail[state] * width + cls];
                next[state * width + cls] = child;
                order.Add(child);
            }
        }

        // Hits in breadth-first order, so a state's failure target is complete before the state.
        var merged = new List<LiteralHit>[states];
        foreach (var state in order)
        {
            var list = new List<LiteralHit>(own[state]);
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
        var (hitStart, hits) = LiteralTrieBuilder.Flatten(merged);
        // Targets as row offsets, complemented where the target state has hits.
        for (var i = 0; i < next.Length; i++)
        {
            var target = next[i];
            next[i] = merged[target].Count > 0 ? ~(target * width) : target * width;
        }
        return new LiteralAutomaton(classes, next, hitStart, hits);
    }
}
