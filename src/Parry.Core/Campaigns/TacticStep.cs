namespace Parry.Core.Campaigns;

/// <summary>A tactic in a campaign's timeline: when it first appeared, how many detections carried it, and an
/// example rule.</summary>
public sealed record TacticStep(string Tactic, DateTimeOffset FirstSeen, int Detections, string ExampleRule);
