namespace Parry.Core.Campaigns;

/// <summary>How machine-driven an actor's activity is, in [0, 1], with every signal it was computed from.</summary>
public sealed record AutonomyScore(double Score, IReadOnlyList<AutonomySignal> Signals)
{
    public static readonly AutonomyScore None = new(0, []);
}
