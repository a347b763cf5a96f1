using System.Globalization;
using System.Text;
using Parry.Detection.Hunting;
using Parry.Detection.Tests.Rules;
using Parry.Ingest.Sources;

namespace Parry.Detection.Tests.Hunting;

/// <summary>One file on one thread is hunted inline (no producer task, channel or merge): it must report exactly
/// what the threaded path reports.</summary>
public class SingleThreadHuntTests
{
    [Fact]
    public async Task One_file_on_one_thread_reports_what_the_threaded_hunt_reports()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parry-inline-{Guid.NewGuid():N}.log");
        try
        {
            File.WriteAllText(path, AccessLog(), new UTF8Encoding(false));
            var inline = await Hunt(path, threads: 1);
            var threaded = await Hunt(path, threads: 2);

            inline.Sink.Detections.Count.ShouldBeGreaterThan(0);
            inline.Sink.Campaigns.Count.ShouldBeGreaterThan(0);
            Describe(inline.Sink).ShouldBe(Describe(threaded.Sink));
            inline.Sink.Summary!.Events.ShouldBe(threaded.Sink.Summary!.Events);
            inline.Sink.Summary.Bytes.ShouldBe(new FileInfo(path).Length);
            inline.Errors.Count.ShouldBe(1); // the malformed line, reported by the decoder in both paths
            threaded.Errors.Count.ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(CollectingSink Sink, ErrorCollector Errors)> Hunt(string path, int threads)
    {
        var pack = CompiledPack.Default;
        var errors = new ErrorCollector(100);
        var sources = InputDiscovery.Discover([path], errors).ToList();
        var sink = new CollectingSink();
        var run = new HuntRun(pack.Matcher, pack.Correlations, (source, context) => pack.Detector.Read(source, context),
            new HuntOptions { MaxDegreeOfParallelism = threads, BatchSize = 16 }, TimeProvider.System);
        await run.RunAsync(sources, sink, errors);
        return (sink, errors);
    }

    private static string[] Describe(CollectingSink sink) =>
    [
        .. sink.Detections.Select(d => $"{d.Rule.Id} {d.Event.Origin} {d.Actor}"),
        .. sink.Campaigns.Select(c => $"campaign {c.Actor} {c.Detections}"),
    ];

    // A client probing for files and injection points at machine speed among people browsing, and one broken line.
    private static string AccessLog()
    {
        var text = new StringBuilder();
        var time = new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);
        string[] probes = ["/.env", "/.git/config", "/wp-login.php", "/phpmyadmin/", "/backup.zip", "/index.php?page=../../../../etc/passwd", "/api/items?id=1%27%20OR%201=1--", "/server-status"];
        for (var i = 0; i < 400; i++)
        {
            time = time.AddMilliseconds(300);
            var stamp = time.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture);
            if (i % 3 == 0)
                text.Append(CultureInfo.InvariantCulture, $"203.0.113.9 - - [{stamp} +0000] \"GET {probes[i / 3 % probes.Length]}?n={i} HTTP/1.1\" 404 162 \"-\" \"python-requests/2.31.0\"\n");
            else
                text.Append(CultureInfo.InvariantCulture, $"198.51.100.{i % 7 + 1} - - [{stamp} +0000] \"GET /products/{i % 11} HTTP/1.1\" 200 5120 \"https://www.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0\"\n");
            if (i == 200)
                text.Append("this line is not an access log line\n");
        }
        return text.ToString();
    }
}
