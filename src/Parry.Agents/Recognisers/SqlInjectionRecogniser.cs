using System.Buffers;
using System.Text.RegularExpressions;
using Parry.Agents.Analysis;

namespace Parry.Agents.Recognisers;

/// <summary>
/// Recognises SQL injection probes in SQL text or request values: tautologies after a quote (<c>' OR 1=1</c>,
/// <c>' or 'a'='a</c>), comment truncation (<c>admin'--</c>), UNION-based extraction (<c>UNION SELECT NULL,NULL</c>,
/// UNION with information_schema or version functions), time delays (<c>SLEEP(5)</c>, <c>pg_sleep</c>,
/// <c>WAITFOR DELAY</c>, <c>BENCHMARK</c>), stacked destructive statements, file and command access
/// (<c>xp_cmdshell</c>, <c>LOAD_FILE</c>, <c>INTO OUTFILE</c>) and error-based extraction (<c>EXTRACTVALUE</c>,
/// <c>UPDATEXML</c>). Plain queries — even with UNION — are not probes.
/// </summary>
internal static partial class SqlInjectionRecogniser
{
    private const int MaxChars = 16 * 1024;

    private static readonly SearchValues<string> Markers = SearchValues.Create(
        ["'", "\"", "union", "sleep", "waitfor", "benchmark", "xp_", "load_file", "outfile", "dumpfile", "extractvalue",
         "updatexml", "dbms_", "randomblob", "utl_http", "sp_oacreate", "lo_import", "--", "#", "/*", " or ", " and "],
        StringComparison.OrdinalIgnoreCase);

    private static readonly (string Name, Regex Pattern)[] Probes =
    [
        ("tautology", Tautology()),
        ("comment-truncation", CommentTruncation()),
        ("union-select", UnionNulls()),
        ("union-select", UnionAfterQuote()),
        ("union-select", UnionMetadata()),
        ("time-delay", TimeDelay()),
        ("stacked-query", StackedQuery()),
        ("file-or-command-access", FileOrCommand()),
        ("error-based", ErrorBased()),
    ];

    /// <summary>Adds a finding and the probe names when <paramref name="text"/> holds an injection probe.</summary>
    public static bool Recognise(string text, string evidence, AnalysisCollector collector)
    {
        if (text.Length < 4)
            return false;
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        if (span.IndexOfAny(Markers) < 0)
            return false;
        var found = false;
        var input = span.Length == text.Length ? text : span.ToString();
        foreach (var (name, pattern) in Probes)
        {
            try
            {
                var subject = (pattern.Options & RegexOptions.NonBacktracking) != 0 || input.Length <= MaxBacktrackingChars ? input : input[..MaxBacktrackingChars];
                if (!pattern.IsMatch(subject))
                    continue;
            }
            catch (RegexMatchTimeoutException)
            {
                continue; // bounded input and a timeout: a pathological value is not analysed further
            }
            collector.AddSqlProbe(name);
            found = true;
        }
        if (found)
            collector.AddBehaviour("sql-injection-probe", evidence);
        return found;
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    // Linear whatever the input; only the tautology needs a backreference (x = x) and so the backtracking engine.
    private const RegexOptions Linear = Options | RegexOptions.NonBacktracking;
    private const int TimeoutMs = 50;
    private const int MaxBacktrackingChars = 4096;

    [GeneratedRegex(@"(?:['""`)]\s*|\b)(?:or|\|\|)\s+(?:(['""]?)(\w+)\1\s*(?:=|like)\s*\1\2(?!\w)|true\b|1\b(?!\s*[=<>])|''\s*=\s*')", Options, TimeoutMs)]
    private static partial Regex Tautology();

    [GeneratedRegex(@"['""]\s*\)*\s*(?:--|#|/\*)", Linear)]
    private static partial Regex CommentTruncation();

    [GeneratedRegex(@"\bunion(?:\s+all|\s+distinct)?\s+select\s+(?:null|\d+|0x[0-9a-f]+)\s*(?:,|--|#|/\*|$)", Linear)]
    private static partial Regex UnionNulls();

    [GeneratedRegex(@"['"")]\s*union(?:\s+all|\s+distinct)?\s+select\b", Linear)]
    private static partial Regex UnionAfterQuote();

    [GeneratedRegex(@"\bunion(?:\s+all)?\s+select\b[^;]*?(?:information_schema|@@version|version\s*\(|user\s*\(|database\s*\(|group_concat|load_file|pg_catalog|sqlite_master|mysql\.user|sys\.objects|all_tables)", Linear)]
    private static partial Regex UnionMetadata();

    [GeneratedRegex(@"\b(?:sleep|pg_sleep)\s*\(\s*\d|\bwaitfor\s+delay\s+'|\bbenchmark\s*\(\s*\d+\s*,|\bdbms_lock\.sleep|\bdbms_pipe\.receive_message|\brandomblob\s*\(\s*\d{6,}", Linear)]
    private static partial Regex TimeDelay();

    [GeneratedRegex(@"['""]\s*\)*\s*;\s*(?:drop|delete|insert|update|exec|execute|shutdown|declare|create|alter|truncate)\b", Linear)]
    private static partial Regex StackedQuery();

    [GeneratedRegex(@"\bxp_cmdshell\b|\bload_file\s*\(|\binto\s+(?:out|dump)file\b|\butl_http\.request|\bsp_oacreate\b|\bcopy\s+\S+\s+(?:from|to)\s+program\b|\blo_import\s*\(|\bxp_dirtree\b", Linear)]
    private static partial Regex FileOrCommand();

    [GeneratedRegex(@"\b(?:extractvalue|updatexml)\s*\(|\bexp\s*\(\s*~", Linear)]
    private static partial Regex ErrorBased();
}
