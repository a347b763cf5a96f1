using Parry.Agents.Analysis;
using Parry.Agents.Shell;
using Parry.Agents.Targets;

namespace Parry.Agents.Recognisers;

/// <summary>
/// Recognises what an HTTP request does, whether an HTTP client on a command line or a fetch/browser tool sent it:
/// its method and targets, attack payloads in its values, local files it uploads (exfiltration unless the server is
/// the local machine), and requests to cloud instance metadata services.
/// </summary>
internal static class HttpRequestRecogniser
{
    private static readonly HashSet<string> MetadataHosts =
        new(StringComparer.Ordinal) { "169.254.169.254", "metadata.google.internal", "metadata", "fd00:ec2::254", "100.100.100.200", "169.254.170.2" };

    private static readonly string[] ServerScriptExtensions =
        [".php", ".phtml", ".php5", ".phar", ".jsp", ".jspx", ".asp", ".aspx", ".ashx", ".asmx", ".cfm", ".pl", ".cgi", ".py", ".rb", ".sh", ".war", ".ear"];

    private static bool IsServerScript(string file) =>
        ServerScriptExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static void Recognise(Invocation invocation, AnalysisCollector collector)
    {
        if (!NetworkPrograms.IsHttpClient(invocation.Program) || HttpClientOptions.Read(invocation.Program, invocation.Arguments) is not { } request)
            return;
        Recognise(request, invocation.Command.ToString(), collector);
    }

    public static void Recognise(HttpRequest request, string evidence, AnalysisCollector collector)
    {
        if (request.Urls.Count == 0)
            return;
        collector.AddHttpMethod(request.EffectiveMethod);
        var remote = false;
        foreach (var url in request.Urls)
        {
            if (!UrlParts.TryParse(url, out var parts))
                continue;
            collector.Targets.AddUrl(parts);
            if (MetadataHosts.Contains(parts.Host))
                collector.AddBehaviour("cloud-metadata-access", evidence);
            var targetClass = TargetParser.TryParseAddress(parts.Host, out var address)
                ? TargetClassifier.Classify(address)
                : TargetClassifier.ClassifyHost(parts.Host);
            remote |= targetClass != TargetClass.Loopback;
        }
        WebPayloadRecogniser.Recognise(request, evidence, collector);
        foreach (var upload in request.Uploads)
            SensitivePathMatcher.Check(upload, false, evidence, collector);
        if (request.Uploads.Count == 0 || !remote)
            return;
        // A server-side script sent to a web server is planted there to run (a web shell); any other file leaves.
        if (request.Uploads.Any(IsServerScript))
            collector.AddBehaviour("web-shell-upload", evidence);
        if (!request.Uploads.All(IsServerScript))
            collector.AddBehaviour("http-file-upload", evidence);
    }
}
