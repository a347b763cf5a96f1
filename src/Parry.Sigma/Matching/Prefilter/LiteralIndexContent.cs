namespace Parry.Sigma.Matching.Prefilter;

/// <summary>
/// Everything a <see cref="FieldLiteralIndex"/> is built from — each literal added, with its anchor and the hit it
/// marks, in order — compared exactly: two equal contents build equal indexes (the build is deterministic).
/// The strings are the compiled rules' own, so a content costs one array of references.
/// </summary>
internal sealed class LiteralIndexContent : IEquatable<LiteralIndexContent>
{
    private readonly (LiteralAnchor Anchor, string Folded, LiteralHit Hit)[] _added;
    private readonly int _hash;

    public LiteralIndexContent((LiteralAnchor, string, LiteralHit)[] added)
    {
        _added = added;
        var hash = new HashCode();
        foreach (var (anchor, folded, hit) in added)
        {
            hash.Add(anchor);
            hash.Add(folded, StringComparer.Ordinal);
            hash.Add(hit);
        }
        _hash = hash.ToHashCode();
    }

    public bool Equals(LiteralIndexContent? other)
    {
        if (other is null || other._hash != _hash || other._added.Length != _added.Length)
            return false;
        for (var i = 0; i < _added.Length; i++)
        {
            var (anchor, folded, hit) = _added[i];
            var (otherAnchor, otherFolded, otherHit) = other._added[i];
            if (anchor != otherAnchor || hit != otherHit || !string.Equals(folded, otherFolded, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is LiteralIndexContent other && Equals(other);

    public override int GetHashCode() => _hash;
}
