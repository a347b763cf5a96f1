using YamlDotNet.Core;

namespace Parry.Sigma.Loading;

/// <summary>What <see cref="BlockYamlReader"/> hands what it reads to, in document order, with YamlDotNet's marks:
/// its parsing events (<see cref="ParsingEventTarget"/>, which the tests compare with YamlDotNet's parser) or
/// Parry's node tree (<see cref="RuleYamlTreeTarget"/>, what loading uses).</summary>
internal abstract class BlockYamlTarget
{
    /// <summary>A document starts: implicitly at its first line, or explicitly at a <c>---</c>.</summary>
    public abstract void DocumentStart(bool isImplicit, Mark start, Mark end);

    public abstract void MappingStart(Mark start, Mark end);

    public abstract void SequenceStart(Mark start, Mark end);

    /// <summary>A scalar: block scalars and plain ones have no tag, so only the style varies.</summary>
    public abstract void Scalar(string value, ScalarStyle style, Mark start, Mark end);

    /// <summary>The innermost open mapping or sequence ends.</summary>
    public abstract void CollectionEnd(bool sequence, Mark at);

    /// <summary>A document ends (implicitly: at the next <c>---</c> or at the end of the text).</summary>
    public abstract void DocumentEnd(Mark at);

    /// <summary>The text ends; returns false when what was read cannot be taken as it is (and YamlDotNet should
    /// read the file instead).</summary>
    public abstract bool StreamEnd(Mark at);
}
