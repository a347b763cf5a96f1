using Parry.Sigma.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Sigma.Loading;

/// <summary>
/// Reads one source into its documents' outcomes: rules, correlations and filters parsed, or rejections with where
/// and why. Depends on nothing but the source and the options, so sources parse in parallel.
/// </summary>
internal static class SourceParser
{
    public static IReadOnlyList<DocumentOutcome> Parse(SigmaSource source, SigmaLoadOptions options)
    {
        var path = source.DisplayPath;
        if (source.Size > options.MaxFileBytes)
            return [Rejected(path, SourceLocation.Start, RejectionCategories.FileTooLarge, $"the file is {source.Size} bytes; rule files are limited to {options.MaxFileBytes}")];
        string text;
        try
        {
            text = source.ReadText();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return [Rejected(path, SourceLocation.Start, RejectionCategories.FileUnreadable, $"cannot read the file: {e.Message}")];
        }
        if (text.Length > options.MaxFileBytes)
            return [Rejected(path, SourceLocation.Start, RejectionCategories.FileTooLarge, $"the file holds {text.Length} characters; rule files are limited to {options.MaxFileBytes}")];

        // Plain block YAML is read by Parry's own reader straight into the node tree; anything else (and every
        // error) goes through YamlDotNet's parser and representation model, copied into the same tree.
        var tree = new RuleYamlTreeTarget();
        var roots = tree.Roots;
        if (!BlockYamlReader.TryRead(text, tree) && LoadWithYamlDotNet(path, text, out roots) is { } rejected)
            return [rejected];
        var outcomes = new List<DocumentOutcome>(roots.Count);
        foreach (var root in roots)
        {
            if (Document(path, root, options) is { } outcome)
                outcomes.Add(outcome);
        }
        return outcomes;
    }

    // YamlDotNet's parser and representation model, copied into Parry's tree; a rejection when it fails.
    private static DocumentOutcome? LoadWithYamlDotNet(string path, string text, out List<RuleYamlNode> roots)
    {
        roots = [];
        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            foreach (var document in stream.Documents)
            {
                // A document without a root holds nothing to load.
                if (document.RootNode is { } root)
                    roots.Add(RuleYamlTree.From(root));
            }
            return null;
        }
        catch (YamlException e)
        {
            return Rejected(path, new SourceLocation((int)e.Start.Line, (int)e.Start.Column), RejectionCategories.YamlSyntax, $"not valid YAML: {Describe(e)}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports some malformed input (a null mapping key) this way rather than as a YamlException.
            var at = parser.Current is { } current ? new SourceLocation((int)current.Start.Line, (int)current.Start.Column) : SourceLocation.Start;
            return Rejected(path, at, RejectionCategories.YamlSyntax, $"not valid YAML: {e.Message}");
        }
    }

    private static DocumentOutcome? Document(string path, RuleYamlNode root, SigmaLoadOptions options)
    {
        if (root is RuleYamlScalar { Value: "" })
            return null; // an empty document (a trailing '---') holds nothing to load
        var at = root.Start;
        if (root is not RuleYamlMap map)
            return Rejected(path, at, RejectionCategories.NotARule, "the document is not a map of rule attributes");
        var (id, name, title) = Identity(map);
        try
        {
            var doc = new YamlMaps(map, "rule");
            if (doc.Has("action"))
                throw new SigmaParseException(at, RejectionCategories.NotARule,
                    "'action' (global/reset/repeat rule collections) is Sigma 1 syntax; write each rule as a complete document");
            if (doc.Has("correlation"))
                return new DocumentOutcome(null, CorrelationDocumentParser.Parse(doc, path), null, null, At: at);
            if (doc.Has("detection"))
                return new DocumentOutcome(RuleDocumentParser.Parse(doc, path, options.Placeholders), null, null, null, At: at);
            if (doc.Has("filter"))
                return new DocumentOutcome(null, null, FilterDocumentParser.Parse(doc, path, options.Placeholders), null, At: at);
            throw new SigmaParseException(at, RejectionCategories.NotARule, "the document has no 'detection', 'correlation' or 'filter' section");
        }
        catch (SigmaParseException e)
        {
            var rejection = new RuleRejection(path, e.Location.Line, e.Location.Column, e.Message, e.Category) { RuleId = id, Title = title };
            return new DocumentOutcome(null, null, null, rejection, id, name, at);
        }
    }

    private static DocumentOutcome Rejected(string path, SourceLocation at, string category, string reason) =>
        new(null, null, null, new RuleRejection(path, at.Line, at.Column, reason, category), At: at);

    private static (string? Id, string? Name, string? Title) Identity(RuleYamlMap map)
    {
        string? id = null, name = null, title = null;
        for (var i = 0; i < map.Count; i++)
        {
            if (map.Keys[i] is not RuleYamlScalar { Value: var k } || map.Values[i] is not RuleYamlScalar { Value: var v })
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
