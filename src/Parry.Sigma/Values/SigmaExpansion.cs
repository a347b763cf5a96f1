namespace Parry.Sigma.Values;

/// <summary>
/// One rule value that a modifier turned into several (<c>windash</c> permutations, the three
/// <c>base64offset</c> shifts, a placeholder's values). Its alternatives are always OR-ed, also under <c>all</c>:
/// <c>CommandLine|contains|all|windash: ['-a', '-b']</c> needs some form of <c>-a</c> and some form of <c>-b</c>.
/// </summary>
public sealed class SigmaExpansion(IReadOnlyList<SigmaValue> alternatives) : SigmaValue
{
    public IReadOnlyList<SigmaValue> Alternatives { get; } = alternatives;

    public override string ToString() => "(" + string.Join(" | ", Alternatives) + ")";
}
