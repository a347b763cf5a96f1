using Parry.Sigma.Rules;

namespace Parry.Sigma.Loading;

/// <summary>Why a document cannot be loaded, where, and the stable category; caught per document by the loader
/// and turned into a <see cref="RuleRejection"/>.</summary>
internal sealed class SigmaParseException(SourceLocation location, string category, string message) : Exception(message)
{
    public SourceLocation Location { get; } = location;

    public string Category { get; } = category;
}
