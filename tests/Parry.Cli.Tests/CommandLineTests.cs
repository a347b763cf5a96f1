using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parry.Cli.Tests;

/// <summary>The command-line contract end to end: golden outputs, exit codes, errors that name where they are.</summary>
public partial class CommandLineTests
{
    private static readonly string Golden = Path.Combine(AppContext.BaseDirectory, "Golden");

    // Timing varies run to run; everything else in the output is fixed.
    [GeneratedRegex("\"elapsed_ms\":\\d+")]
    private static partial Regex Elapsed();

    private static string Normalise(string output) => Elapsed().Replace(output.ReplaceLineEndings("\n"), "\"elapsed_ms\":0");

    private static async Task Matches(string expectedFile, string actual)
    {
        var path = Path.Combine(Golden, expectedFile);
        if (Environment.GetEnvironmentVariable("PARRY_UPDATE_GOLDEN") == "1")
        {
            // Regenerate the expectation in the source tree; review the diff before committing it.
            var source = Path.Combine(Parry.TestSupport.Corpora.RepositoryRoot, "tests", "Parry.Cli.Tests", "Golden", expectedFile);
            await File.WriteAllTextAsync(source, actual);
        }
        actual.ShouldBe(Normalise(await File.ReadAllTextAsync(path)));
    }

    [Fact]
    public async Task Hunt_jsonl_matches_the_golden_output()
    {
        var result = await ParryProcess.RunInAsync(Path.Combine(Golden, "web-probe"),
            "hunt", "--no-default-rules", "--rules", "rules", "--format", "jsonl", "input");
        result.ExitCode.ShouldBe(0, result.Stderr);
        await Matches("web-probe/expected.jsonl", Normalise(result.Stdout));
        JsonDocument.Parse(result.Lines.Last()).RootElement.GetProperty("type").GetString().ShouldBe("summary");
    }

    [Fact]
    public async Task Hunt_csv_matches_the_golden_timeline()
    {
        var result = await ParryProcess.RunInAsync(Path.Combine(Golden, "web-probe"),
            "hunt", "--no-default-rules", "--rules", "rules", "--format", "csv", "input");
        result.ExitCode.ShouldBe(0, result.Stderr);
        await Matches("web-probe/expected.csv", Normalise(result.Stdout));
    }

    [Fact]
    public async Task The_summary_is_last_also_when_nothing_is_found()
    {
        var empty = Directory.CreateTempSubdirectory("parry-empty-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(empty.FullName, "quiet.log"),
                "198.51.100.23 - - [14/Mar/2026:09:00:01 +0000] \"GET / HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n");
            var result = await ParryProcess.RunAsync("hunt", "--no-default-rules", "--format", "jsonl", empty.FullName);
            result.ExitCode.ShouldBe(0, result.Stderr);
            var summary = JsonDocument.Parse(result.Lines.Single()).RootElement;
            summary.GetProperty("type").GetString().ShouldBe("summary");
            summary.GetProperty("events").GetInt64().ShouldBe(1);
            summary.GetProperty("detections").GetInt64().ShouldBe(0);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("decode", "stdout")]
    [InlineData("decode", "-o")]
    [InlineData("hunt", "stdout")]
    [InlineData("hunt", "-o")]
    public async Task Output_written_into_the_input_folder_is_not_read_back(string command, string how)
    {
        var folder = Directory.CreateTempSubdirectory("parry-own-output-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a.log"),
                "198.51.100.23 - - [14/Mar/2026:09:00:01 +0000] \"GET / HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n");
            var output = Path.Combine(folder.FullName, "out.jsonl");
            await File.WriteAllTextAsync(output, "{\"left\":\"by the last run\"}\n"); // the same command run again
            string[] args = command == "hunt" ? ["hunt", "--format", "jsonl", folder.FullName] : ["decode", folder.FullName];
            // Through a shell, so standard output can be a file in the folder; a 10 MB file-size limit turns a run
            // that reads its own output back (and would grow it until the disk is full) into a failure. The limit
            // also applies to the memory file the JIT maps its code through (W^X), so under dotnet that is off.
            var redirect = how == "stdout" ? $"> '{output}'" : $"-o '{output}'";
            var script = $"ulimit -f 10240; export DOTNET_EnableWriteXorExecute=0; \"$@\" {redirect}";
            var result = await Parry.TestSupport.ChildProcess.RunAsync("bash",
                ["-c", script, "parry", Parry.TestSupport.ParryCommand.Program, .. Parry.TestSupport.ParryCommand.Arguments(() => ParryProcess.Dll, args)],
                TimeSpan.FromMinutes(2));
            result.ExitCode.ShouldBe(0, result.Stderr);
            result.Stderr.ShouldContain($"{output}: this run's own output");
            var lines = (await File.ReadAllLinesAsync(output)).Where(l => l.Length > 0).ToList();
            if (command == "decode")
                lines.ShouldHaveSingleItem().ShouldContain("198.51.100.23");
            else
                JsonDocument.Parse(lines.Last()).RootElement.GetProperty("events").GetInt64().ShouldBe(1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_input_exits_1_and_names_it()
    {
        var result = await ParryProcess.RunAsync("hunt", "--format", "jsonl", "/nonexistent/parry-input");
        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("/nonexistent/parry-input");
    }

    [Fact]
    public async Task A_usage_error_exits_2()
    {
        (await ParryProcess.RunAsync("hunt", "--format", "xml", "x")).ExitCode.ShouldBe(2);
        (await ParryProcess.RunAsync("hunt", "--min-level", "severe", "x")).ExitCode.ShouldBe(2);
        (await ParryProcess.RunAsync("frobnicate")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Rules_check_exits_0_with_rejections_and_1_for_an_unreadable_path()
    {
        var folder = Directory.CreateTempSubdirectory("parry-rules-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "bad.yml"),
                "title: Broken\nlogsource:\n    product: windows\ndetection:\n    selection:\n        Image|frobnicate: x\n    condition: selection\n");
            var result = await ParryProcess.RunAsync("rules", "check", folder.FullName, "--format", "json");
            result.ExitCode.ShouldBe(0, result.Stderr);
            var report = JsonDocument.Parse(result.Stdout).RootElement;
            report.GetProperty("loaded").GetInt32().ShouldBe(0);
            var rejection = report.GetProperty("rejected").EnumerateArray().Single();
            rejection.GetProperty("line").GetInt32().ShouldBe(6);
            rejection.GetProperty("reason").GetString()!.ShouldContain("frobnicate");
            (await ParryProcess.RunAsync("rules", "check", Path.Combine(folder.FullName, "missing.yml"))).ExitCode.ShouldBe(1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Decode_prints_one_json_object_per_record_and_locates_bad_ones()
    {
        var folder = Directory.CreateTempSubdirectory("parry-decode-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "events.jsonl"),
                "{\"a\":1}\n{\"a\":\n{\"b\":\"two\"}\n");
            var result = await ParryProcess.RunAsync("decode", Path.Combine(folder.FullName, "events.jsonl"));
            result.ExitCode.ShouldBe(0, result.Stderr);
            result.Lines.ShouldBe(["{\"a\":1}", "{\"b\":\"two\"}"]);
            result.Stderr.ShouldContain("events.jsonl");
            result.Stderr.ShouldContain("record 2");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
