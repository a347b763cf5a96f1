using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parry.Sigma.Loading;

/// <summary>Parsing events read ahead (by <see cref="BlockYamlReader"/>), handed to YamlDotNet's representation
/// model as its parser would hand them.</summary>
internal sealed class ParsingEventList(List<ParsingEvent> events) : IParser
{
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next == events.Count)
        {
            Current = null;
            return false;
        }
        Current = events[_next++];
        return true;
    }
}
