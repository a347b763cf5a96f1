namespace Parry.Ingest.Evtx.BinXml;

/// <summary>
/// A growable, reusable array of <see cref="XmlNode"/>s with a hard node budget, so a hostile record (a huge array
/// expanded into repeated elements, say) is a format error and not an out-of-memory. Index 0 is the container of
/// the fragment's top-level nodes.
/// </summary>
internal sealed class XmlTree(int maxNodes)
{
    private XmlNode[] _nodes = new XmlNode[256];

    public int Count { get; private set; }

    public int MaxNodes { get; } = maxNodes;

    public ref XmlNode this[int index] => ref _nodes[index];

    /// <summary>Empties the tree and adds the top-level container, index 0.</summary>
    public void Reset()
    {
        Count = 0;
        Add(XmlNode.Create(XmlNodeKind.Element));
    }

    /// <summary>Drops every node from <paramref name="count"/> on (a template that failed to parse).</summary>
    public void Truncate(int count) => Count = count;

    public int Add(in XmlNode node)
    {
        if (Count >= MaxNodes)
            throw new EvtxFormatException($"more than {MaxNodes} XML nodes");
        if (Count == _nodes.Length)
            Array.Resize(ref _nodes, Math.Min(MaxNodes, _nodes.Length * 2));
        _nodes[Count] = node;
        return Count++;
    }

    /// <summary>Adds a node as the last child of an element, or as the last value node of an attribute.</summary>
    public int AddChild(int parent, in XmlNode node)
    {
        var index = Add(node);
        ref var p = ref _nodes[parent];
        if (p.LastChild < 0)
            p.FirstChild = index;
        else
            _nodes[p.LastChild].Next = index;
        p.LastChild = index;
        if (node.Kind == XmlNodeKind.Element)
            p.HasElementChild = true;
        return index;
    }

    public int AddAttribute(int element, in XmlNode node)
    {
        var index = Add(node);
        ref var e = ref _nodes[element];
        if (e.LastAttribute < 0)
            e.FirstAttribute = index;
        else
            _nodes[e.LastAttribute].Next = index;
        e.LastAttribute = index;
        return index;
    }
}
