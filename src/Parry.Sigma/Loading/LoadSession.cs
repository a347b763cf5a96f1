using Parry.Sigma.Filters;
using Parry.Sigma.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Sigma.Loading;

/// <summary>
/// The state of one load: reads each source's documents, sorts them into rules, correlations and filters, rejects
/// what cannot be honoured (with where and why), and keeps the first of duplicate ids and names. Per-load; never
/// shared.
/// </summary>
internal sealed class LoadSession(SigmaLoadOptions options)
{
    private readonly Dictionary<string, (string Path, SourceLocation At)> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Path, SourceLocation At)> _names = new(StringComparer.Ordinal);

    public List<SigmaRule> Rules { get; } = [];

    public List<CorrelationDraft> Correlations { get; } = [];

    public List<SigmaFilter> Filters { get; } = [];

    public List<RuleRejection> Rejected { get; } = [];

    /// <summary>Ids and names of rejected documents, so a correlation naming one can say why it is missing.</summary>
    public Dictionary<string, RuleRejection> RejectedReferences { get; } = new(StringComparer.Ordinal);

    public int Files { get; private set; }

    public void Read(SigmaSource source)
    {
        Files++;
        string text;
        try
        {
            text = source.ReadText();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            Reject(source.DisplayPath, SourceLocation.Start, RejectionCategories.FileUnreadable, $"cannot read the file: {e.Message}");
            return;
        }
        if (text.Length > options.MaxFileBytes)
        {
            Reject(source.DisplayPath, SourceLocation.Start, RejectionCategories.FileTooLarge,
                $"the file holds {text.Length} characters; rule files are limited to {options.MaxFileBytes}");
            return;
        }

        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            Reject(source.DisplayPath, new SourceLocation((int)e.Start.Line, (int)e.Start.Column), RejectionCategories.YamlSyntax,
                $"not valid YAML: {Describe(e)}");
            return;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports some malformed input (a null mapping key) this way rather than as a YamlException.
            var at = parser.Current is { } current ? new SourceLocation((int)current.Start.Line, (int)current.Start.Column) : SourceLocation.Start;
            Reject(source.DisplayPath, at, RejectionCategories.YamlSyntax, $"not valid YAML: {e.Message}");
            return;
        }
        foreach (var document in stream.Documents)
            ReadDocument(source.DisplayPath, document.RootNode);
    }

    private void ReadDocument(string path, YamlNode? root)
    {
        if (root is null or YamlScalarNode { Value: null or "" })
            return; // an empty document (a trailing '---') holds nothing to load
        var at = SourceLocation.From(root.Start);
        if (root is not YamlMappingNode map)
        {
            Reject(path, at, RejectionCategories.NotARule, "the document is not a map of rule attributes");
            return;
        }
        var (id, name, title) = Identity(map);
        try
        {
            var doc = new YamlMaps(map, "rule");
            if (doc.Has("action"))
                throw new SigmaParseException(at, RejectionCategories.NotARule,
                    "'action' (global/reset/repeat rule collections) is Sigma 1 syntax; write each rule as a complete document");
            if (doc.Has("correlation"))
            {
                var draft = CorrelationDocumentParser.Parse(doc, path);
                if (Register(path, at, draft.Info.Id, draft.Info.Name))
                    Correlations.Add(draft);
            }
            else if (doc.Has("detection"))
            {
                var rule = RuleDocumentParser.Parse(doc, path, options.Placeholders);
                if (Register(path, at, rule.Id, rule.Name))
                    Rules.Add(rule);
            }
            else if (doc.Has("filter"))
            {
                Filters.Add(FilterDocumentParser.Parse(doc, path, options.Placeholders));
            }
            else
            {
                throw new SigmaParseException(at, RejectionCategories.NotARule,
                    "the document has no 'detection', 'correlation' or 'filter' section");
            }
        }
        catch (SigmaParseException e)
        {
            var rejection = Reject(path, e.Location, e.Category, e.Message, id, title);
            if (id is not null)
                RejectedReferences.TryAdd(id, rejection);
            if (name is not null)
                RejectedReferences.TryAdd(name, rejection);
        }
    }

    // Keeps the first document with an id or name; a later one is rejected.
    private bool Register(string path, SourceLocation at, string id, string? name)
    {
        if (_ids.TryGetValue(id, out var first))
        {
            Reject(path, at, RejectionCategories.DuplicateId,
                $"id {id} is already used by the rule at {first.Path}:{first.At.Line}; the first one is kept", id);
            return false;
        }
        if (name is not null && _names.TryGetValue(name, out var firstNamed))
        {
            Reject(path, at, RejectionCategories.DuplicateName,
                $"name '{name}' is already used by the rule at {firstNamed.Path}:{firstNamed.At.Line}; names must be unique", id);
            return false;
        }
        _ids[id] = (path, at);
        if (name is not null)
            _names[name] = (path, at);
        return true;
    }

    public RuleRejection Reject(string path, SourceLocation at, string category, string reason, string? id = null, string? title = null)
    {
        var rejection = new RuleRejection(path, at.Line, at.Column, reason, category) { RuleId = id, Title = title };
        Rejected.Add(rejection);
        return rejection;
    }

    private static (string? Id, string? Name, string? Title) Identity(YamlMappingNode map)
    {
        string? id = null, name = null, title = null;
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } k } || value is not YamlScalarNode { Value: { } v })
                continue;
            switch (k)
            {
                case "id": id = v; break;
                case "name": name = v; break;
                case "title": title = v; break;
            }
        }
        return (id, name, title);
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : e.Message;
        // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (…): "; the location is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }
}
