using Parry.Core.Detections;

namespace Parry.Sigma.Rules;

/// <summary>
/// A Sigma detection rule as loaded: what detections report (<see cref="Info"/>), where it applies
/// (<see cref="LogSource"/>), what it looks for (<see cref="Detection"/>), and where it came from. Filters named by
/// <see cref="AppliedFilters"/> are already part of the detection. Immutable.
/// </summary>
public sealed class SigmaRule
{
    internal SigmaRule(RuleInfo info, SigmaLogSource logSource, SigmaDetection detection, string path, SourceLocation location)
    {
        Info = info;
        LogSource = logSource;
        Detection = detection;
        Path = path;
        Location = location;
        FieldNames = CollectFieldNames(detection);
    }

    public RuleInfo Info { get; }

    public string Id => Info.Id;

    public string Title => Info.Title;

    /// <summary>The rule's <c>name</c>, used by correlations instead of its id.</summary>
    public string? Name => Info.Name;

    /// <summary>False when the file had no <c>id</c> and <see cref="Id"/> was made from the path and title.</summary>
    public bool HasExplicitId { get; init; } = true;

    public SigmaLogSource LogSource { get; }

    public SigmaDetection Detection { get; }

    /// <summary>The file the rule came from, as given to the loader.</summary>
    public string Path { get; }

    /// <summary>Where the rule's document starts in its file.</summary>
    public SourceLocation Location { get; }

    public int Line => Location.Line;

    public string? Taxonomy { get; init; }

    public string? Date { get; init; }

    public string? Modified { get; init; }

    public string? License { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<RelatedRule> Related { get; init; } = [];

    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Ids (or titles, for filters without an id) of the meta filters applied to this rule.</summary>
    public IReadOnlyList<string> AppliedFilters { get; init; } = [];

    /// <summary>
    /// False when the rule is only a building block of correlations that do not ask to <c>generate</c> it: its
    /// matches feed the correlations but are not reported on their own.
    /// </summary>
    public bool GeneratesDetections { get; init; } = true;

    /// <summary>Every Sigma field name the detection refers to (field references included), distinct,
    /// case-insensitively, in first-use order; for planning field tables.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>Whether the detection has keyword searches, which read every value of the event.</summary>
    public bool HasKeywords => Detection.SearchIdentifiers.Any(p => HasKeyword(p.Value));

    internal SigmaRule With(SigmaDetection detection, IReadOnlyList<string> appliedFilters) =>
        new(Info, LogSource, detection, Path, Location)
        {
            HasExplicitId = HasExplicitId, Taxonomy = Taxonomy, Date = Date, Modified = Modified, License = License,
            References = References, Related = Related, Scope = Scope, AppliedFilters = appliedFilters,
            GeneratesDetections = GeneratesDetections,
        };

    internal SigmaRule WithGenerates(bool generates) =>
        new(Info, LogSource, Detection, Path, Location)
        {
            HasExplicitId = HasExplicitId, Taxonomy = Taxonomy, Date = Date, Modified = Modified, License = License,
            References = References, Related = Related, Scope = Scope, AppliedFilters = AppliedFilters,
            GeneratesDetections = generates,
        };

    public override string ToString() => $"{Title} ({Id})";

    private static bool HasKeyword(DetectionNode node) => node switch
    {
        DetectionItem item => item.IsKeyword,
        DetectionGroup group => group.Items.Any(HasKeyword),
        _ => false,
    };

    private static List<string> CollectFieldNames(SigmaDetection detection)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        // Index loops over the read-only lists: a foreach through the interface boxes an enumerator per list, and
        // this runs for every node of every rule at start-up.
        var identifiers = detection.SearchIdentifiers;
        for (var i = 0; i < identifiers.Count; i++)
            Collect(identifiers[i].Value, seen, names);
        return names;
    }

    private static void Collect(DetectionNode node, HashSet<string> seen, List<string> names)
    {
        switch (node)
        {
            case DetectionGroup group:
                for (var i = 0; i < group.Items.Count; i++)
                    Collect(group.Items[i], seen, names);
                break;
            case DetectionItem { Field: { } field } item:
                if (seen.Add(field))
                    names.Add(field);
                for (var i = 0; i < item.Values.Count; i++)
                {
                    if (item.Values[i] is Values.SigmaFieldRef reference && seen.Add(reference.Field))
                        names.Add(reference.Field);
                }
                break;
        }
    }
}
