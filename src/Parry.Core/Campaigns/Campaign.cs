using Parry.Core.Actors;
using Parry.Core.Detections;

namespace Parry.Core.Campaigns;

/// <summary>
/// One actor's operation: its detections and behaviour grouped, the targets it touched, the ATT&amp;CK tactics it
/// went through in order, a level, and an explainable autonomy score. Other actors linked to it (the same address
/// in several sources, actors hitting the same targets together) are listed in <see cref="LinkedActors"/>.
/// </summary>
public sealed record Campaign(
    string Id,
    Actor Actor,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Tactics,
    IReadOnlyList<string> Techniques,
    int Detections,
    IReadOnlyList<string> Targets,
    Level Level,
    AutonomyScore Autonomy)
{
    public IReadOnlyList<Actor> LinkedActors { get; init; } = [];

    public IReadOnlyList<TacticStep> Timeline { get; init; } = [];

    /// <summary>The inputs (decoder kinds) the campaign was seen in.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Events attributed to the campaign's actors, detections or not.</summary>
    public long Events { get; init; }

    /// <summary>Why the campaign has its level, in a sentence.</summary>
    public string Summary { get; init; } = "";
}
