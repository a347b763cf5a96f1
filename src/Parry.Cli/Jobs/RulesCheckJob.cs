using System.Text.Encodings.Web;
using System.Text.Json;
using Parry.Detection.Matching;
using Parry.Ingest.LogSources;
using Parry.Sigma.Loading;

namespace Parry.Cli.Jobs;

/// <summary><c>parry rules check</c>: loads and compiles the given rules, reports what loaded and every
/// rejection with its reason; exit 0 even with rejections, 1 when a path cannot be read.</summary>
internal static class RulesCheckJob
{
    public static int Run(IReadOnlyList<string> paths, string format, string? placeholderFile, TextWriter output)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
            Console.Error.WriteLine($"parry: {path}: no such file or directory");
        if (missing.Count > 0)
            return CommandRunner.Failed;
        if (!Setup.TryLoadPlaceholders(placeholderFile, out var placeholders))
            return CommandRunner.Failed;

        var result = SigmaLoader.LoadPaths(paths, new SigmaLoadOptions { Placeholders = placeholders });
        // Compiling against the shipped mapping also tells which rules no known log source reaches.
        var matcher = new SigmaEventMatcher(result.Rules, LogSourceMap.Load());
        var byReason = result.RejectedByReason();

        if (format == "json")
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteNumber("loaded", result.Loaded);
                w.WriteNumber("rules", result.Rules.Count);
                w.WriteNumber("correlations", result.Correlations.Count);
                w.WriteNumber("filters", result.Filters.Count);
                w.WriteStartArray("rejected");
                foreach (var r in result.Rejected)
                {
                    w.WriteStartObject();
                    w.WriteString("path", r.Path);
                    w.WriteNumber("line", r.Line);
                    w.WriteNumber("column", r.Column);
                    w.WriteString("reason", r.Reason);
                    w.WriteString("category", r.ReasonCategory);
                    if (r.RuleId is not null)
                        w.WriteString("rule_id", r.RuleId);
                    if (r.Title is not null)
                        w.WriteString("title", r.Title);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("by_reason");
                foreach (var (reason, count) in byReason)
                    w.WriteNumber(reason, count);
                w.WriteEndObject();
                w.WriteStartArray("unmapped_logsources");
                foreach (var group in matcher.UnmappedRules.GroupBy(r => r.LogSource.ToString()).OrderByDescending(g => g.Count()))
                {
                    w.WriteStartObject();
                    w.WriteString("logsource", group.Key);
                    w.WriteNumber("rules", group.Count());
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            foreach (var r in result.Rejected)
                output.WriteLine($"{r.Path}:{r.Line}:{r.Column}: rejected: {r.Reason}");
            var total = result.Loaded + result.Rejected.Count;
            output.WriteLine($"{result.Loaded} loaded ({result.Rules.Count} rules, {result.Correlations.Count} correlations, {result.Filters.Count} filters), {result.Rejected.Count} rejected" +
                (total > 0 ? $" ({100.0 * result.Loaded / total:0.0}% loaded)" : ""));
            foreach (var (reason, count) in byReason)
                output.WriteLine($"  {count,5}  {reason}");
            if (matcher.UnmappedRules.Count > 0)
                output.WriteLine($"{matcher.UnmappedRules.Count} rules are for log sources Parry has no mapping for (they load, but no event reaches them)");
        }
        return CommandRunner.Done;
    }
}
