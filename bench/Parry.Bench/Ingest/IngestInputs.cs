using System.Text;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Ingest;
using Parry.Ingest.Formats;
using Parry.Ingest.Sources;

namespace Parry.Bench.Ingest;

/// <summary>Inputs for the decoder benchmarks, built in memory once: the SigmaHQ regression JSON replicated, and
/// generated access-log and auth-log lines with documentation addresses.</summary>
internal static class IngestInputs
{
    /// <summary>Field names a realistic rule set asks for (decoders key every node against them).</summary>
    public static readonly FieldTable Fields = BuildFields();

    private static FieldTable BuildFields()
    {
        var builder = new FieldTableBuilder();
        foreach (var name in new[]
        {
            "EventID", "Channel", "Provider_Name", "Computer", "Image", "CommandLine", "ParentImage", "ParentCommandLine",
            "User", "TargetFilename", "ImageLoaded", "Hashes", "OriginalFileName", "DestinationIp", "DestinationPort",
            "TargetObject", "Details", "ServiceName", "TargetUserName", "LogonType", "IpAddress", "SubjectUserName",
            "c-ip", "cs-username", "cs-method", "cs-uri", "cs-uri-stem", "cs-uri-query", "sc-status", "cs-user-agent",
            "cs-referer", "sc-bytes", "cs-host", "host", "program", "message", "user", "src_user", "src_ip", "action",
            "outcome", "USER", "COMMAND", "facility", "_path", "id.orig_h", "eventName", "eventSource",
        })
            builder.Intern(name);
        return builder.Build();
    }

    public static byte[] RegressionJson(int copies)
    {
        var root = FindShared();
        var files = Directory.GetFiles(Path.Combine(root, "corpora", "sigma", "regression_data"), "*.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        using var all = new MemoryStream();
        for (var i = 0; i < copies; i++)
        {
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                all.Write(bytes);
                all.WriteByte((byte)'\n');
            }
        }
        return all.ToArray();
    }

    public static byte[] AccessLog(int lines)
    {
        string[] paths = ["/", "/index.php?id=42&lang=en", "/wp-login.php", "/static/app.3f2a.js", "/api/v1/users?page=2",
            "/cgi-bin/luci/;stok=/locale", "/search?q=%27+or+1%3D1--", "/images/logo.png"];
        string[] agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            "curl/8.4.0", "python-requests/2.31.0", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"];
        var text = new StringBuilder(lines * 220);
        var time = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(2));
        for (var i = 0; i < lines; i++)
        {
            var stamp = time.AddSeconds(i / 10).ToString("dd/MMM/yyyy:HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture).Remove(24, 1);
            text.Append("203.0.113.").Append(i % 250).Append(" - - [").Append(stamp).Append("] \"")
                .Append(i % 5 == 0 ? "POST " : "GET ").Append(paths[i % paths.Length]).Append(" HTTP/1.1\" ")
                .Append(i % 7 == 0 ? 404 : 200).Append(' ').Append(1000 + i % 5000).Append(" \"https://www.example.com/\" \"")
                .Append(agents[i % agents.Length]).Append("\"\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] AuthLog(int lines)
    {
        string[] messages =
        [
            "sshd[{0}]: Failed password for invalid user admin from 198.51.100.{1} port {2} ssh2",
            "sshd[{0}]: Accepted publickey for deploy from 203.0.113.{1} port {2} ssh2: ED25519 SHA256:AbCdEf0123456789abcdef",
            "sshd[{0}]: Connection closed by authenticating user root 198.51.100.{1} port {2} [preauth]",
            "sshd[{0}]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)",
            "sudo:    deploy : TTY=pts/{1} ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart app",
            "CRON[{0}]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)",
            "systemd-logind[{0}]: New session {2} of user deploy.",
        ];
        var text = new StringBuilder(lines * 120);
        var time = new DateTime(2024, 5, 1, 0, 0, 0);
        for (var i = 0; i < lines; i++)
        {
            var stamp = time.AddSeconds(i / 5).ToString("MMM dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            text.Append(stamp).Append(" bastion ").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, messages[i % messages.Length], 1000 + i % 30000, i % 250, 30000 + i % 30000).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Decodes every event of <paramref name="bytes"/> and returns how many there were.</summary>
    public static int Decode(IInputFormat format, byte[] bytes, string name)
    {
        var errors = new CountingErrors();
        var context = new DecodeContext(Fields, errors);
        var count = 0;
        foreach (var _ in format.Read(new InputSource(name, () => new MemoryStream(bytes, writable: false)) { LastModified = DateTimeOffset.UnixEpoch.AddYears(54) }, context))
            count++;
        if (errors.Count > 0)
            throw new InvalidOperationException($"{errors.Count} decode errors in the benchmark input");
        return count;
    }

    private sealed class CountingErrors : IInputErrorSink
    {
        public int Count;

        public void Report(InputError error) => Interlocked.Increment(ref Count);
    }

    private static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parry.slnx")))
            dir = dir.Parent;
        return Path.GetFullPath(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Parry.slnx not found"), "..", "shared"));
    }
}
