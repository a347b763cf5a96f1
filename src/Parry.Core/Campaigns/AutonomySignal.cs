namespace Parry.Core.Campaigns;

/// <summary>
/// One piece of evidence behind an autonomy score: what was measured, its value, the threshold it is judged
/// against, whether it counts as machine-like, and how much it weighs. Every number the score uses is here.
/// </summary>
public sealed record AutonomySignal(string Name, double Value, double Threshold, bool Fired, double Weight, string Description);
