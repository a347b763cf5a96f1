namespace Parry.Agents.Catalogue;

/// <summary>The catalogue data could not be loaded; <see cref="Problems"/> lists every problem with its line.</summary>
public sealed class CatalogueException(string source, IReadOnlyList<string> problems)
    : Exception($"{source}: {problems.Count} problem(s) in the tool catalogue:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
