using Parry.Agents.Analysis;
using Parry.Agents.Shell;
using Parry.Agents.Targets;

namespace Parry.Agents.Recognisers;

/// <summary>
/// Recognises local data leaving for another host: copies to a remote destination (scp, rsync, smbclient put) —
/// exfiltration towards a public host, lateral tool transfer towards a private one — cloud CLIs copying to storage
/// (aws s3, gsutil, azcopy, rclone …), and files or archives sent through a raw stream client (<c>nc host port &lt;
/// file</c>, <c>tar c dir | nc host port</c>). HTTP uploads are the HTTP recogniser's.
/// </summary>
internal static class ExfiltrationRecogniser
{
    public static void Recognise(Invocation invocation, AnalysisCollector collector)
    {
        var program = invocation.Program;
        var evidence = invocation.Command.ToString();
        switch (program)
        {
            case "scp" or "pscp" or "rsync":
                RemoteCopy(invocation, collector, evidence);
                return;
            case "smbclient" when invocation.FoldedArguments.Contains("put ", StringComparison.Ordinal):
                collector.AddBehaviour("copy-to-remote-host", evidence);
                return;
            case "aws" when Sub(invocation, 0, "s3") && (Sub(invocation, 1, "cp") || Sub(invocation, 1, "mv") || Sub(invocation, 1, "sync")):
            case "s3cmd" when Sub(invocation, 0, "put") || Sub(invocation, 0, "sync"):
                ToStorage(invocation, collector, evidence, "s3://");
                return;
            case "gsutil" when invocation.Arguments.Any(a => a is "cp" or "mv" or "rsync"):
            case "gcloud" when Sub(invocation, 0, "storage") && (Sub(invocation, 1, "cp") || Sub(invocation, 1, "mv") || Sub(invocation, 1, "rsync")):
                ToStorage(invocation, collector, evidence, "gs://");
                return;
            case "azcopy" when Sub(invocation, 0, "copy") || Sub(invocation, 0, "cp") || Sub(invocation, 0, "sync"):
                ToStorage(invocation, collector, evidence, "https://");
                return;
            case "az" when invocation.FoldedArguments.StartsWith("storage blob upload", StringComparison.Ordinal):
            case "mega-put" or "megaput" or "gdrive" when program != "gdrive" || Sub(invocation, 0, "upload") || Sub(invocation, 0, "files"):
            case "dropbox_uploader" or "dropbox_uploader.sh" when Sub(invocation, 0, "upload"):
                collector.AddBehaviour("copy-to-cloud-storage", evidence);
                return;
            case "rclone" when Sub(invocation, 0, "copy") || Sub(invocation, 0, "sync") || Sub(invocation, 0, "move") || Sub(invocation, 0, "copyto") || Sub(invocation, 0, "moveto"):
                Rclone(invocation, collector, evidence);
                return;
        }
        if (NetworkPrograms.IsStreamClient(program) && !CatalogueMatcher.HasFlag(invocation.Arguments, "-l"))
        {
            var fromFile = invocation.Command.Redirects.Any(r => r.Reads && !r.Target.StartsWith("/dev/", StringComparison.Ordinal));
            var fromArchive = invocation.PipeSource is { } source && IsDataSource(source.Program);
            if (fromFile || fromArchive)
                collector.AddBehaviour("netcat-file-send", evidence);
        }
        if (NetworkPrograms.IsSshClient(program) && invocation.PipeSource is { } piped && IsDataSource(piped.Program))
            collector.AddBehaviour("copy-to-remote-host", evidence);
    }

    private static bool Sub(Invocation invocation, int index, string value) =>
        index < invocation.Arguments.Count && invocation.Arguments[index].Equals(value, StringComparison.OrdinalIgnoreCase);

    private static bool IsDataSource(string program) =>
        program is "cat" or "tar" or "zip" or "gzip" or "bzip2" or "xz" or "7z" or "base64" or "dd" or "type" or "get-content" or "gc" or "xxd" or "pg_dump" or "mysqldump" or "mongodump";

    private static List<string> Operands(Invocation invocation, string shortWithValue)
    {
        var operands = new List<string>();
        var arguments = invocation.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                if (word is "--rsh" or "--port" or "--exclude" or "--include" or "--rsync-path" && !word.Contains('='))
                    i++;
                continue;
            }
            if (word.Length > 1 && word[0] == '-')
            {
                if (word.Length == 2 && shortWithValue.Contains(word[1]))
                    i++;
                continue;
            }
            operands.Add(word);
        }
        return operands;
    }

    private static void RemoteCopy(Invocation invocation, AnalysisCollector collector, string evidence)
    {
        var operands = Operands(invocation, invocation.Program == "rsync" ? "eBfTM" : "cFiJlOoPS");
        if (operands.Count < 2)
            return;
        var destination = operands[^1];
        if (!IsRemote(destination, out var host) || operands.Take(operands.Count - 1).All(o => IsRemote(o, out _)))
            return;
        var targetClass = Classify(host);
        if (targetClass == TargetClass.Loopback)
            return;
        collector.AddBehaviour(targetClass is TargetClass.Private or TargetClass.Internal or TargetClass.LinkLocal ? "lateral-tool-transfer" : "copy-to-remote-host", evidence);
    }

    private static void ToStorage(Invocation invocation, AnalysisCollector collector, string evidence, string scheme)
    {
        var operands = Operands(invocation, "");
        if (operands.Count < 2)
            return;
        var destination = operands[^1];
        if (destination.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && operands.Take(operands.Count - 1).Any(o => !o.Contains("://", StringComparison.Ordinal) && o is not ("s3" or "cp" or "mv" or "sync" or "put" or "rsync" or "storage" or "copy")))
            collector.AddBehaviour("copy-to-cloud-storage", evidence);
    }

    private static void Rclone(Invocation invocation, AnalysisCollector collector, string evidence)
    {
        var operands = Operands(invocation, "");
        if (operands.Count < 3)
            return;
        var source = operands[1];
        var destination = operands[^1];
        if (IsRcloneRemote(destination) && !IsRcloneRemote(source))
            collector.AddBehaviour("copy-to-cloud-storage", evidence);
    }

    private static bool IsRcloneRemote(string path)
    {
        var colon = path.IndexOf(':');
        return colon > 1 && !path[..colon].Contains('/') && !path[..colon].Contains('\\');
    }

    // user@host:path, host:path, rsync://host/…, host::module — not C:\ and not a path containing ':' after '/'.
    private static bool IsRemote(string operand, out string host)
    {
        host = "";
        if (operand.StartsWith("rsync://", StringComparison.OrdinalIgnoreCase) || operand.StartsWith("scp://", StringComparison.OrdinalIgnoreCase))
        {
            if (!UrlParts.TryParse(operand, out var url))
                return false;
            host = url.Host;
            return true;
        }
        var colon = operand.IndexOf(':');
        if (colon <= 1)
            return false;
        var slash = operand.IndexOfAny(['/', '\\']);
        if (slash >= 0 && slash < colon)
            return false;
        var before = operand[..colon];
        var at = before.LastIndexOf('@');
        host = at >= 0 ? before[(at + 1)..] : before;
        return host.Length > 0;
    }

    private static TargetClass Classify(string host)
    {
        host = host.Trim('[', ']');
        return TargetParser.TryParseAddress(host, out var address) ? TargetClassifier.Classify(address) : TargetClassifier.ClassifyHost(host);
    }
}
