namespace Parry.Detection.Behaviour;

/// <summary>A case-insensitive value with optional <c>*</c> wildcards at either end or both (<c>4*</c>,
/// <c>*.css</c>, <c>*admin*</c>), or exact.</summary>
internal readonly struct ValuePattern
{
    private readonly string _core;
    private readonly bool _prefix;
    private readonly bool _suffix;

    public ValuePattern(string pattern)
    {
        var folded = pattern.ToLowerInvariant();
        _suffix = folded.StartsWith('*');
        _prefix = folded.Length > 1 && folded.EndsWith('*');
        _core = folded.Trim('*');
    }

    /// <summary>The text between the wildcards, lower-cased.</summary>
    public string Core => _core;

    /// <summary>Ends with a wildcard: the value starts with <see cref="Core"/>.</summary>
    public bool IsPrefix => _prefix;

    /// <summary>Starts with a wildcard: the value ends with <see cref="Core"/>.</summary>
    public bool IsSuffix => _suffix;

    public bool Matches(ReadOnlySpan<char> folded) => (_prefix, _suffix) switch
    {
        (true, true) => folded.Contains(_core, StringComparison.Ordinal),
        (true, false) => folded.StartsWith(_core, StringComparison.Ordinal),
        (false, true) => folded.EndsWith(_core, StringComparison.Ordinal),
        _ => folded.SequenceEqual(_core),
    };
}
