using YamlDotNet.Core;

namespace Parry.Sigma.Loading;

/// <summary>What <see cref="BlockYamlReader"/> hands what it reads to, in document order, with YamlDotNet's marks:
/// its parsing events (<see cref="ParsingEventTarget"/>, which the tests compare with YamlDotNet's parser) or
/// Parry's node tree (<see cref="RuleYamlTreeTarget"/>, what loading uses). The reader reads one document per file.</summary>
internal abstract class BlockYamlTarget
{
    public abstract void DocumentStart(Mark at);

    public abstract void MappingStart(Mark start, Mark end);

    public abstract void SequenceStart(Mark start, Mark end);

    /// <summary>A scalar: block scalars and plain ones have no tag, so only the style varies.</summary>
    public abstract void Scalar(string value, ScalarStyle style, Mark start, Mark end);

    /// <summary>The innermost open mapping or sequence ends.</summary>
    public abstract void CollectionEnd(bool sequence, Mark at);

    /// <summary>The document and the stream end; returns false when what was read cannot be taken as it is (and
    /// YamlDotNet should read the file instead).</summary>
    public abstract bool DocumentEnd(Mark at);
}
