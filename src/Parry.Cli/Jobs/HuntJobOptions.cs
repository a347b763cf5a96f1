using Parry.Core.Detections;

namespace Parry.Cli.Jobs;

/// <summary>What <c>parry hunt</c> was asked to do, as parsed from its command line.</summary>
internal sealed record HuntJobOptions
{
    public required IReadOnlyList<string> Paths { get; init; }
    public IReadOnlyList<string> Rules { get; init; } = [];
    public bool DefaultRules { get; init; } = true;
    public string? Format { get; init; }
    public string? Output { get; init; }
    public Level MinLevel { get; init; } = Level.Informational;
    public string? Placeholders { get; init; }
    public IReadOnlyList<string> LogSourceFiles { get; init; } = [];
    public string? InputFormat { get; init; }
    public bool VerifyChecksums { get; init; } = true;
    public int Threads { get; init; } = Environment.ProcessorCount;
}
