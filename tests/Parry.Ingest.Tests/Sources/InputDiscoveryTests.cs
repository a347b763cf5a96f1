using System.IO.Compression;
using Parry.Ingest.Sources;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Sources;

public sealed class InputDiscoveryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "parry-discovery-" + Guid.NewGuid().ToString("N"));

    public InputDiscoveryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Read(InputSource source)
    {
        using var stream = source.Open();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Folders_are_walked_recursively_in_ordinal_order_with_display_paths_joined_to_the_path_given()
    {
        Write("b.log", "b");
        Write("a dir & more/z.json", "z");
        Write("a dir & more/A.json", "A");
        Write("a dir & more/sub/x.log", "x");
        Write("C.log", "C");
        var errors = new ErrorList();
        var sources = InputDiscovery.Discover([_root], errors).ToList();
        errors.Count.ShouldBe(0, errors.ToString());
        sources.Select(s => Path.GetRelativePath(_root, s.DisplayPath)).ShouldBe(
            ["C.log", Path.Join("a dir & more", "A.json"), Path.Join("a dir & more", "sub", "x.log"), Path.Join("a dir & more", "z.json"), "b.log"]);
        sources.Select(Read).ShouldBe(["C", "A", "x", "z", "b"]);
        sources.ShouldAllBe(s => s.DisplayPath.StartsWith(_root));
        sources.ShouldAllBe(s => s.LastModified != null);
    }

    [Fact]
    public void A_folder_walk_leaves_out_markdown_but_a_markdown_file_named_on_the_command_line_is_read()
    {
        Write("logs/auth.log", "a");
        var notes = Write("logs/README.md", "# notes");
        Write("logs/case/NOTES.Markdown", "# more");
        var errors = new ErrorList();
        InputDiscovery.Discover([_root], errors).Select(Read).ShouldBe(["a"]);
        InputDiscovery.Discover([notes], errors).Select(Read).ShouldBe(["# notes"]);
        errors.Count.ShouldBe(0, errors.ToString());
    }

    [Fact]
    public void A_relative_path_keeps_its_spelling_in_display_paths()
    {
        Write("logs/one.log", "1");
        var errors = new ErrorList();
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _root;
            var source = InputDiscovery.Discover(["logs/"], errors).ToList().ShouldHaveSingleItem();
            source.DisplayPath.ShouldBe(Path.Join("logs/", "one.log"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void Gzip_is_detected_by_content_and_opened_decompressed()
    {
        var path = Path.Combine(_root, "access.log.1");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            gzip.Write("hello gzip"u8);
        var plain = Write("plain.gz", "not compressed");
        var errors = new ErrorList();
        var sources = InputDiscovery.Discover([path, plain], errors).ToList();
        sources[0].Compressed.ShouldBeTrue();
        Read(sources[0]).ShouldBe("hello gzip");
        sources[1].Compressed.ShouldBeFalse();
        Read(sources[1]).ShouldBe("not compressed");
    }

    [Fact]
    public void Concatenated_gzip_members_read_as_one_stream()
    {
        var path = Path.Combine(_root, "multi.gz");
        using (var file = File.Create(path))
        {
            foreach (var part in new[] { "one\n", "two\n" })
            {
                using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                gzip.Write(System.Text.Encoding.UTF8.GetBytes(part));
            }
        }
        Read(InputDiscovery.Discover([path], new ErrorList()).ShouldHaveSingleItem()).ShouldBe("one\ntwo\n");
    }

    [Fact]
    public void The_runs_own_output_is_left_out_of_a_folder_walk_and_said_so()
    {
        Write("a.log", "a");
        var output = Path.Combine(_root, "out.jsonl"); // not written yet: -o names it before it exists
        var outputs = RunOutputs.Of(output);
        Write("out.jsonl", "{}");
        Write("z.log", "z");
        var errors = new ErrorList();
        InputDiscovery.Discover([_root], errors, outputs).Select(Read).ShouldBe(["a", "z"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Path.ShouldBe(output);
        error.Message.ShouldContain("own output");
    }

    [Fact]
    public void The_runs_own_output_is_not_read_when_named_nor_through_a_link()
    {
        var output = Write("out/result.jsonl", "{}");
        File.CreateSymbolicLink(Path.Combine(_root, "link.jsonl"), output);
        Directory.CreateSymbolicLink(Path.Combine(_root, "out-link"), Path.Combine(_root, "out"));
        var outputs = RunOutputs.Of(Path.Combine(_root, "out-link", "result.jsonl"));
        outputs.Files.ShouldHaveSingleItem().ShouldEndWith(Path.Join("out", "result.jsonl"), Case.Sensitive, "the folder link is resolved");
        var errors = new ErrorList();
        InputDiscovery.Discover([output, Path.Combine(_root, "link.jsonl")], errors, outputs).ShouldBeEmpty();
        errors.Count.ShouldBe(2, errors.ToString());
        InputDiscovery.Discover([output], new ErrorList()).ShouldHaveSingleItem("without outputs, the file is an input like any other");
    }

    [Fact]
    public void Missing_paths_are_reported_and_the_rest_is_read()
    {
        var good = Write("good.log", "g");
        var errors = new ErrorList();
        var sources = InputDiscovery.Discover([Path.Combine(_root, "missing.log"), good], errors).ToList();
        sources.ShouldHaveSingleItem().DisplayPath.ShouldBe(good);
        errors.All.ShouldHaveSingleItem().Message.ShouldBe("no such file or directory");
    }

    [Fact]
    public void Symbolic_link_loops_are_not_followed_and_are_reported()
    {
        Write("d/file.log", "f");
        Directory.CreateSymbolicLink(Path.Combine(_root, "d", "loop"), Path.Combine(_root, "d"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "d", "up"), _root);
        var errors = new ErrorList();
        var sources = InputDiscovery.Discover([_root], errors).ToList();
        sources.ShouldHaveSingleItem().DisplayPath.ShouldBe(Path.Join(_root, "d", "file.log"));
        errors.Count.ShouldBe(2, errors.ToString());
        errors.All.ShouldAllBe(e => e.Message.Contains("loop"));
    }

    [Fact]
    public void A_folder_reached_twice_through_links_is_read_once()
    {
        Write("real/file.log", "f");
        Directory.CreateSymbolicLink(Path.Combine(_root, "zlink"), Path.Combine(_root, "real"));
        var errors = new ErrorList();
        var sources = InputDiscovery.Discover([_root], errors).ToList();
        sources.ShouldHaveSingleItem();
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("already read");
    }

    [Fact]
    public void Broken_links_are_reported_and_the_walk_goes_on()
    {
        Write("a.log", "a");
        File.CreateSymbolicLink(Path.Combine(_root, "b-broken.log"), Path.Combine(_root, "nowhere"));
        Write("c.log", "c");
        var errors = new ErrorList();
        var sources = InputDiscovery.Discover([_root], errors).ToList();
        sources.Select(s => Path.GetFileName(s.DisplayPath)).ShouldBe(["a.log", "c.log"]);
        var error = errors.All.ShouldHaveSingleItem();
        error.Path.ShouldEndWith("b-broken.log");
        error.Message.ShouldStartWith("cannot open");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_fifo_in_a_folder_is_skipped_not_opened()
    {
        if (OperatingSystem.IsWindows())
            return;
        Write("a.log", "a");
        var fifo = Path.Combine(_root, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            await mkfifo.WaitForExitAsync();
        File.Exists(fifo).ShouldBeTrue();
        var errors = new ErrorList();
        var sources = await Task.Run(() => InputDiscovery.Discover([_root], errors).ToList());
        sources.ShouldHaveSingleItem();
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("not a regular file");
    }

    [Fact]
    public void An_unreadable_folder_is_reported_and_the_walk_goes_on()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
            return; // root reads every folder whatever its mode; the error path is covered by broken links
        Write("locked/x.log", "x");
        Write("open.log", "o");
        var locked = Path.Combine(_root, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var errors = new ErrorList();
            InputDiscovery.Discover([_root], errors).ToList().ShouldHaveSingleItem();
            errors.All.ShouldHaveSingleItem().Message.ShouldStartWith("cannot list folder");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void The_attack_sample_corpus_with_spaces_and_ampersands_is_walked_completely()
    {
        var errors = new ErrorList();
        var sources = InputDiscovery.Discover([Parry.TestSupport.Corpora.EvtxAttackSamples], errors).ToList();
        errors.Count.ShouldBe(0, errors.ToString());
        sources.Count(s => s.DisplayPath.EndsWith(".evtx", StringComparison.OrdinalIgnoreCase)).ShouldBe(269);
        sources.ShouldContain(s => s.DisplayPath.Contains(' ') || s.DisplayPath.Contains('&'));
        // Depth first, each folder's entries in ordinal order: the same as comparing paths segment by segment.
        var paths = sources.Select(s => s.DisplayPath).ToList();
        paths.ShouldBe(paths.Order(Comparer<string>.Create(BySegments)).ToList());
    }

    private static int BySegments(string a, string b)
    {
        var x = a.Split(Path.DirectorySeparatorChar);
        var y = b.Split(Path.DirectorySeparatorChar);
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
                return c;
        }
        return x.Length.CompareTo(y.Length);
    }

    [Fact]
    public void A_folder_named_twice_is_read_once_and_said_so()
    {
        Write("one.log", "1");
        var errors = new ErrorList();
        InputDiscovery.Discover([_root, _root], errors).ToList().ShouldHaveSingleItem();
        errors.All.ShouldHaveSingleItem().Message.ShouldContain("already read");
    }
}
