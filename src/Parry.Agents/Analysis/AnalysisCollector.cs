using Parry.Agents.Attack;
using Parry.Agents.Catalogue;
using Parry.Agents.Shell;
using Parry.Agents.Targets;

namespace Parry.Agents.Analysis;

/// <summary>The state of one analysis while recognisers run: what they found, without repeats and within bounds.
/// Created per tool call; not thread-safe.</summary>
internal sealed class AnalysisCollector(ToolCatalogue catalogue)
{
    private const int MaxItems = 256;
    private const int MaxEvidenceChars = 240;

    private OrderedSet _findingIds = new();
    private readonly List<Finding> _findings = [];
    private OrderedSet _programs = new();
    private OrderedSet _tools = new();
    private OrderedSet _commandLines = new();
    private OrderedSet _httpMethods = new();
    private OrderedSet _sqlProbes = new();
    private OrderedSet _sensitivePaths = new();
    private OrderedSet _sensitiveKinds = new();

    public ToolCatalogue Catalogue { get; } = catalogue;

    public TargetCollector Targets { get; } = new();

    public CommandExpander Expander { get; } = new();

    public bool Truncated { get; set; }

    public void AddFinding(Recognition recognition, string evidence)
    {
        // One finding per recogniser, with the first evidence: a session of forty nmap runs is forty calls.
        if (_findings.Count >= MaxItems || !_findingIds.Add(recognition.Id))
            return;
        _findings.Add(new Finding(recognition.Id, recognition.Category.Id, recognition.Category.Offensive, recognition.Attack, Bound(evidence)));
    }

    public void AddBehaviour(string behaviourId, string evidence) => AddFinding(Catalogue.Behaviour(behaviourId), evidence);

    public void AddProgram(string program) => _programs.Add(program);

    public void AddTool(string program) => _tools.Add(program);

    public void AddCommandLine(string line) => _commandLines.Add(Bound(line, 4096));

    public void AddHttpMethod(string method) => _httpMethods.Add(method.ToUpperInvariant());

    public void AddSqlProbe(string probe) => _sqlProbes.Add(probe);

    public void AddSensitivePath(string kind, string path)
    {
        _sensitiveKinds.Add(kind);
        _sensitivePaths.Add(Bound(path, 1024));
    }

    public ToolCallAnalysis Build()
    {
        var expansion = Expander.Result;
        var categories = new OrderedSet();
        var techniques = new OrderedSet();
        var tactics = new OrderedSet();
        var offensive = false;
        foreach (var finding in _findings)
        {
            categories.Add(finding.Category);
            offensive |= finding.Offensive;
            foreach (var mapping in finding.Attack)
            {
                techniques.Add(mapping.Technique);
                tactics.Add(mapping.Tactic);
            }
        }
        return new ToolCallAnalysis
        {
            CommandLines = _commandLines.Items,
            Programs = _programs.Items,
            Tools = _tools.Items,
            Findings = [.. _findings],
            Categories = categories.Items,
            Tactics = tactics.Count == 0 ? [] : [.. tactics.Items.OrderBy(AttackTactics.OrderOf)],
            Techniques = techniques.Items,
            Targets = [.. Targets.Targets],
            Urls = [.. Targets.Urls],
            Ports = [.. Targets.Ports],
            HttpMethods = _httpMethods.Items,
            SqlProbes = _sqlProbes.Items,
            SensitivePaths = _sensitivePaths.Items,
            SensitiveKinds = _sensitiveKinds.Items,
            IsOffensive = offensive,
            Truncated = Truncated || expansion.Truncated,
        };
    }

    private static string Bound(string text, int max = MaxEvidenceChars)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.Length <= max ? trimmed.ToString() : string.Concat(trimmed[..(max - 1)], "…");
    }

    /// <summary>A list without repeats, in the order first added, at most <see cref="MaxItems"/> long.</summary>
    /// <remarks>A call yields a handful of programs, categories or techniques: a linear search over so few is cheaper
    /// than a hash set, and a set that stays empty (most of them, for most calls) allocates nothing. A hash set is
    /// built only past <see cref="LinearLimit"/> items. A struct held in place (the collector's fields are not
    /// readonly, so Add mutates them): a dozen sets per call cost no object each, only their list when used.</remarks>
    private struct OrderedSet
    {
        private const int LinearLimit = 8;

        private List<string>? _items;
        private HashSet<string>? _seen;

        public readonly int Count => _items?.Count ?? 0;

        public readonly IReadOnlyList<string> Items => _items is null ? [] : [.. _items];

        /// <summary>False when the item was there already (or the set is full).</summary>
        public bool Add(string item)
        {
            if (_items is null)
            {
                _items = [item];
                return true;
            }
            if (_items.Count >= MaxItems)
                return false;
            if (_seen is null)
            {
                if (_items.Count < LinearLimit)
                {
                    foreach (var seen in _items)
                    {
                        if (string.Equals(seen, item, StringComparison.Ordinal))
                            return false;
                    }
                    _items.Add(item);
                    return true;
                }
                _seen = new HashSet<string>(_items, StringComparer.Ordinal);
            }
            if (!_seen.Add(item))
                return false;
            _items.Add(item);
            return true;
        }
    }
}
