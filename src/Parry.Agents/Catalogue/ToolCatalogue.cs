using System.Buffers;
using System.Collections.Frozen;

namespace Parry.Agents.Catalogue;

/// <summary>
/// The compiled catalogue of tools, behaviours, sensitive files and code indicators (data in
/// <c>Catalogue/Data/catalogue.yml</c>, embedded). Immutable and safe to share between threads.
/// </summary>
public sealed class ToolCatalogue
{
    private static readonly Lazy<ToolCatalogue> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, ToolEntry[]> _byProgram;
    private readonly FrozenDictionary<string, Recognition> _behaviours;

    internal ToolCatalogue(
        IReadOnlyDictionary<string, Category> categories,
        IReadOnlyList<ToolEntry> tools,
        IReadOnlyDictionary<string, Recognition> behaviours,
        IReadOnlyList<SensitivePath> sensitivePaths,
        IReadOnlyList<CodeIndicator> codeIndicators)
    {
        Categories = categories.ToFrozenDictionary(StringComparer.Ordinal);
        Tools = tools;
        _behaviours = behaviours.ToFrozenDictionary(StringComparer.Ordinal);
        SensitivePaths = sensitivePaths;
        CodeIndicators = codeIndicators;

        var byProgram = new Dictionary<string, List<ToolEntry>>(StringComparer.Ordinal);
        var keywordEntries = new List<ToolEntry>();
        foreach (var tool in tools)
        {
            if (tool.Programs.Count == 0)
                keywordEntries.Add(tool);
            foreach (var program in tool.Programs)
            {
                if (!byProgram.TryGetValue(program, out var list))
                    byProgram[program] = list = [];
                list.Add(tool);
            }
        }
        _byProgram = byProgram.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        KeywordEntries = keywordEntries;
        Keywords = SearchValues.Create([.. keywordEntries.SelectMany(e => e.Arguments).Distinct()], StringComparison.Ordinal);

        SensitiveFragments = SearchValues.Create(
            [.. sensitivePaths.SelectMany(p => p.Contains.Concat(p.Names)).Distinct()], StringComparison.Ordinal);
        // The same fragments as written on either platform, for testing a word before normalising it.
        SensitiveFragmentsAnyCase = SearchValues.Create(
            [.. sensitivePaths.SelectMany(p => p.Contains.Concat(p.Names)).SelectMany(f => new[] { f, f.Replace('/', '\\') }).Distinct()],
            StringComparison.OrdinalIgnoreCase);
        CodeMarkers = SearchValues.Create([.. codeIndicators.SelectMany(c => c.Any).Distinct()], StringComparison.Ordinal);
    }

    /// <summary>The catalogue built into Parry.</summary>
    public static ToolCatalogue Default => Embedded.Value;

    public IReadOnlyDictionary<string, Category> Categories { get; }

    /// <summary>Ids of every tool entry.</summary>
    public IEnumerable<string> ToolIds => Tools.Select(t => t.Recognition.Id);

    /// <summary>Ids of every behaviour the catalogue maps.</summary>
    public IEnumerable<string> BehaviourIds => _behaviours.Keys;

    internal IReadOnlyList<ToolEntry> Tools { get; }

    internal IReadOnlyList<ToolEntry> KeywordEntries { get; }

    /// <summary>Every argument keyword of <see cref="KeywordEntries"/>, for a fast first test of a command line.</summary>
    internal SearchValues<string> Keywords { get; }

    internal IReadOnlyList<SensitivePath> SensitivePaths { get; }

    /// <summary>Every fragment of <see cref="SensitivePaths"/>, for a fast first test of a path.</summary>
    internal SearchValues<string> SensitiveFragments { get; }

    /// <summary><see cref="SensitiveFragments"/> with '\' for '/' too, compared ignoring case.</summary>
    internal SearchValues<string> SensitiveFragmentsAnyCase { get; }

    internal IReadOnlyList<CodeIndicator> CodeIndicators { get; }

    internal SearchValues<string> CodeMarkers { get; }

    /// <summary>The entries for a normalised (lower-case, no directory) program name.</summary>
    internal ReadOnlySpan<ToolEntry> EntriesFor(string program) =>
        _byProgram.TryGetValue(program, out var entries) ? entries : [];

    internal bool Knows(string program) => _byProgram.ContainsKey(program);

    /// <summary>The mapping of a behaviour recognised in code.</summary>
    public Recognition Behaviour(string id) =>
        _behaviours.TryGetValue(id, out var recognition)
            ? recognition
            : throw new KeyNotFoundException($"The tool catalogue maps no behaviour '{id}'.");

    public bool HasBehaviour(string id) => _behaviours.ContainsKey(id);

    /// <summary>Loads a catalogue from YAML text; every problem is collected and reported with its line.</summary>
    public static ToolCatalogue Load(TextReader reader, string source) => CatalogueLoader.Load(reader, source);

    private static ToolCatalogue LoadEmbedded()
    {
        const string name = "Parry.Agents.Catalogue.Data.catalogue.yml";
        using var stream = typeof(ToolCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Load(reader, "catalogue.yml (embedded)");
    }
}
