using System.Globalization;
using System.Text;

namespace Parry.Bench.Pipeline;

/// <summary>
/// <c>generate-weblog OUT LINES [ACTORS]</c>: writes a large, realistic nginx combined access log for whole-pipeline
/// benchmarks: mostly people browsing pages with their assets, some crawlers, a few clients probing for content and
/// injection points; times advance a few milliseconds per line. Deterministic (fixed seed), so runs compare.
/// </summary>
internal static class WebLogGenerator
{
    private static readonly string[] Pages = ["/", "/about", "/products", "/products/42", "/blog/2026/03/release", "/contact", "/login", "/search?q=shoes", "/cart", "/api/v1/items?page=2"];
    private static readonly string[] Assets = ["/static/app.css", "/static/app.js", "/img/logo.png", "/favicon.ico", "/fonts/inter.woff2"];
    private static readonly string[] Probes = ["/.env", "/.git/config", "/wp-login.php", "/admin/", "/phpmyadmin/", "/backup.zip", "/server-status", "/api/v1/users?id=1%27%20OR%201=1--", "/cgi-bin/test.cgi?x=;id", "/index.php?page=../../../../etc/passwd"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
    ];

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: generate-weblog OUT LINES [ACTORS]");
            return 2;
        }
        var lines = long.Parse(args[1], CultureInfo.InvariantCulture);
        var actors = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;
        var random = new Random(20260314);
        var time = new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero);
        using var output = new StreamWriter(args[0], false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(256);
        for (long i = 0; i < lines; i++)
        {
            time = time.AddTicks(random.Next(1, 40_000)); // up to 4 ms per line
            var actor = random.Next(actors);
            var ip = $"198.51.{100 + (actor >> 8) % 20}.{actor & 255}";
            string path, agent;
            int status;
            var kind = random.Next(100);
            if (actor % 97 == 0)
            {
                path = Probes[random.Next(Probes.Length)];
                agent = "python-requests/2.31.0";
                status = random.Next(10) < 8 ? 404 : 403;
            }
            else if (kind < 8)
            {
                path = Pages[random.Next(Pages.Length)];
                agent = "ExampleBot/2.1 (+https://crawler.example.org/bot.html)";
                status = 200;
            }
            else if (kind < 55)
            {
                path = Assets[random.Next(Assets.Length)];
                agent = Agents[actor % Agents.Length];
                status = random.Next(50) == 0 ? 304 : 200;
            }
            else
            {
                path = Pages[random.Next(Pages.Length)];
                agent = Agents[actor % Agents.Length];
                status = random.Next(60) == 0 ? 404 : 200;
            }
            line.Clear();
            line.Append(ip).Append(" - - [")
                .Append(time.ToString("dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(24, 1))
                .Append("] \"GET ").Append(path).Append(" HTTP/1.1\" ").Append(status).Append(' ')
                .Append(random.Next(200, 40_000)).Append(" \"https://www.example.com/\" \"").Append(agent).Append('"');
            output.WriteLine(line);
        }
        return 0;
    }
}
