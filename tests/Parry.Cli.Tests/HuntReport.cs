using System.Text.Json;

namespace Parry.Cli.Tests;

/// <summary>The campaigns of a <c>parry hunt --format jsonl</c> run, read back for assertions.</summary>
internal sealed class HuntReport
{
    public static readonly string[] Levels = ["informational", "low", "medium", "high", "critical"];

    public sealed record Campaign(string Actor, IReadOnlyList<string> Actors, int Level, double Autonomy, IReadOnlyList<string> Tactics)
    {
        public bool Involves(string actorValue) => Actors.Contains(actorValue, StringComparer.OrdinalIgnoreCase);

        public override string ToString() =>
            $"{Actor} level {Levels[Level]} autonomy {Autonomy:0.00} tactics [{string.Join(", ", Tactics)}] actors [{string.Join(", ", Actors)}]";
    }

    private HuntReport(List<Campaign> campaigns) => Campaigns = campaigns;

    public IReadOnlyList<Campaign> Campaigns { get; }

    public static int LevelOf(string name) => Array.IndexOf(Levels, name);

    public static HuntReport Parse(IEnumerable<string> lines)
    {
        var campaigns = new List<Campaign>();
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            if (root.GetProperty("type").GetString() != "campaign")
                continue;
            var actor = root.GetProperty("actor").GetProperty("value").GetString()!;
            var actors = new List<string> { actor };
            if (root.TryGetProperty("linked_actors", out var linked))
                actors.AddRange(linked.EnumerateArray().Select(a => a.GetProperty("value").GetString()!));
            campaigns.Add(new Campaign(
                actor,
                actors,
                LevelOf(root.GetProperty("level").GetString()!),
                root.GetProperty("autonomy").GetProperty("score").GetDouble(),
                [.. root.GetProperty("tactics").EnumerateArray().Select(t => t.GetString()!)]));
        }
        return new HuntReport(campaigns);
    }

    /// <summary>True when <paramref name="expected"/> appear in <paramref name="tactics"/> in that relative order.</summary>
    public static bool InOrder(IReadOnlyList<string> tactics, IReadOnlyList<string> expected)
    {
        var positions = expected.Select(t => tactics.ToList().IndexOf(t)).ToList();
        return positions.All(p => p >= 0) && positions.Zip(positions.Skip(1)).All(pair => pair.First < pair.Second);
    }
}
