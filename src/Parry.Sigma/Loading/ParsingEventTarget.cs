using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parry.Sigma.Loading;

/// <summary>Collects what <see cref="BlockYamlReader"/> reads as the parsing events YamlDotNet's parser gives for
/// the same text, stream start and end included.</summary>
internal sealed class ParsingEventTarget : BlockYamlTarget
{
    public List<ParsingEvent> Events { get; } = [new StreamStart(new Mark(0, 1, 1), new Mark(0, 1, 1))];

    public override void DocumentStart(bool isImplicit, Mark start, Mark end) => Events.Add(new DocumentStart(null, null, isImplicit, start, end));

    public override void MappingStart(Mark start, Mark end) =>
        Events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, end));

    public override void SequenceStart(Mark start, Mark end) =>
        Events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, start, end));

    public override void Scalar(string value, ScalarStyle style, Mark start, Mark end)
    {
        var plain = style == ScalarStyle.Plain;
        Events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value, style, plain, !plain, start, end));
    }

    public override void CollectionEnd(bool sequence, Mark at) =>
        Events.Add(sequence ? new SequenceEnd(at, at) : new MappingEnd(at, at));

    public override void DocumentEnd(Mark at) => Events.Add(new DocumentEnd(true, at, at));

    public override bool StreamEnd(Mark at)
    {
        Events.Add(new StreamEnd(at, at));
        return true;
    }
}
