using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Loading;
using Parry.TestSupport;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parry.Sigma.Tests.Loading;

/// <summary>The block-YAML reader gives YamlDotNet's parser's events exactly (values, styles, tags, marks) or gives
/// up: checked on every SigmaHQ rule file and on hand-made cases at the edges of what it reads.</summary>
public class BlockYamlReaderTests
{
    [Fact]
    public void Every_sigmahq_rule_file_it_reads_gives_yamldotnets_events()
    {
        var files = Directory.GetDirectories(Corpora.Sigma, "rules*").SelectMany(SigmaLoader.RuleFilesIn).ToList();
        var read = 0;
        foreach (var file in files)
        {
            var text = RuleFileText.Read(file);
            if (BlockYamlReader.TryRead(text) is not { } events)
                continue;
            read++;
            ShouldMatchYamlDotNet(text, events, file);
        }
        // Nearly all of them are plain block YAML; the reader is only worth having while that holds.
        (read / (double)files.Count).ShouldBeGreaterThan(0.9, $"{read} of {files.Count} read");
    }

    // Parry's own rule pack writes its descriptions as folded scalars (`>-`).
    [Fact]
    public void Every_file_of_parrys_rule_pack_is_read_as_yamldotnet_does()
    {
        var files = SigmaLoader.RuleFilesIn(Path.Combine(Corpora.RepositoryRoot, "rules")).ToList();
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var text = RuleFileText.Read(file);
            var events = BlockYamlReader.TryRead(text);
            events.ShouldNotBeNull(file);
            ShouldMatchYamlDotNet(text, events, file);
        }
    }

    // Rule files changed at random (a character inserted, deleted or replaced by one YAML treats specially, a line
    // doubled or re-indented): whatever the reader still reads, YamlDotNet must read the same way, without error.
    [Fact]
    public void Mutated_rule_files_it_reads_give_yamldotnets_events()
    {
        var random = new Random(20261206);
        var files = Directory.GetDirectories(Corpora.Sigma, "rules*").SelectMany(SigmaLoader.RuleFilesIn)
            .Concat(SigmaLoader.RuleFilesIn(Path.Combine(Corpora.RepositoryRoot, "rules"))).ToList();
        const string Special = " \n:-#'\"|>&*!?[]{},%@`\\";
        var read = 0;
        for (var round = 0; round < 3000; round++)
        {
            var text = RuleFileText.Read(files[random.Next(files.Count)]);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
                text = Mutate(text, random, Special);
            if (BlockYamlReader.TryRead(text) is not { } events)
                continue;
            read++;
            ShouldMatchYamlDotNet(text, events, text);
        }
        read.ShouldBeGreaterThan(300);
    }

    // Generated rule-shaped documents (maps of scalars, sequences and nested maps at varied indents, in the shapes
    // Sigma rules have) whose values and keys draw on the characters YAML treats specially: whatever the reader
    // takes, YamlDotNet reads the same way; and lines thrown together at random never make it throw.
    [Fact]
    public void Generated_block_yaml_it_reads_gives_yamldotnets_events()
    {
        var valueChar = Gen.Frequency(
            (12, Gen.Elements("abcXYZ019\\/._é".ToCharArray())),
            (2, Gen.Constant(' ')),
            (1, Gen.Elements(":#-'\"|>&*!?[]{},%@`".ToCharArray())));
        var plain = Gen.Elements("a", "C", "1", "\\", "x", "é").SelectMany(_ => Gen.ArrayOf(valueChar), (first, rest) => first + new string(rest));
        var scalar = Gen.Frequency(
            (6, plain),
            (1, plain.Select(v => "'" + v.Replace("'", "''") + "'")),
            (1, plain.Select(v => "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")),
            (1, Gen.Elements("|\n    one\n    two", ">-\n    one\n    two", ">\n    one  \n    two\n\n", ">-\n    one\n\n    two", "null", "1", "-1", "x # comment")));
        var key = Gen.Elements("title", "id", "Image|endswith", "CommandLine|contains|all", "selection", "a b", "x-y", "k:v", "q#");
        var indent = Gen.Elements("  ", "    ", " ");
        var items = Gen.NonEmptyListOf(scalar).Select(l => l.ToArray());
        var entry = Gen.Frequency(
            (4, key.SelectMany(_ => scalar, (k, v) => new[] { $"{k}: {v}" })),
            (2, key.SelectMany(_ => indent, (k, i) => (k, i)).SelectMany(_ => items, (ki, l) =>
                new[] { $"{ki.k}:" }.Concat(l.Select(v => $"{ki.i}- {v}")).ToArray())),
            (1, key.SelectMany(_ => items, (k, l) => new[] { $"{k}:" }.Concat(l.Select(v => $"- {v}")).ToArray())),
            (2, key.SelectMany(_ => indent, (k, i) => (k, i)).SelectMany(_ => Gen.NonEmptyListOf(key.SelectMany(_ => scalar, (k2, v) => $"{k2}: {v}")),
                (ki, l) => new[] { $"{ki.k}:" }.Concat(l.Select(line => ki.i + line)).ToArray())));
        var document = Gen.NonEmptyListOf(entry).Select(entries => string.Concat(entries.SelectMany(e => e).Select(line => line + "\n")));
        var read = 0;
        Prop.ForAll(document.ToArbitrary(), text =>
        {
            if (BlockYamlReader.TryRead(text) is not { } events)
                return;
            read++;
            ShouldMatchYamlDotNet(text, events, text);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
        // Not vacuous: a good share of the generated documents are ones the reader takes.
        read.ShouldBeGreaterThan(100, $"{read} of 1000 read");

        var wildLine = Gen.Elements("", " ", "  ", "- ", "-", ": ", "a:", "a: b", "  - x", "|", "  y", "#c", "'q", "k: 'v'").ListOf()
            .Select(parts => string.Concat(parts) + "\n");
        Prop.ForAll(Gen.NonEmptyListOf(wildLine).Select(lines => string.Concat(lines)).ToArbitrary(), text =>
        {
            if (BlockYamlReader.TryRead(text) is { } events)
                ShouldMatchYamlDotNet(text, events, text);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    private static string Mutate(string text, Random random, string special)
    {
        if (text.Length < 2)
            return text;
        var at = random.Next(text.Length - 1);
        var lineStart = text.LastIndexOf('\n', at) + 1;
        var lineEnd = text.IndexOf('\n', at) is var end and >= 0 ? end : text.Length - 1;
        var line = text[lineStart..(lineEnd + 1)];
        return random.Next(6) switch
        {
            0 => text.Insert(at, special[random.Next(special.Length)].ToString()),
            1 => text.Remove(at, 1),
            2 => text[..at] + special[random.Next(special.Length)] + text[(at + 1)..],
            3 => text.Insert(lineStart, line),
            4 => text.Insert(lineStart, new string(' ', random.Next(1, 5))),
            _ => line.StartsWith(' ') ? text.Remove(lineStart, 1) : text,
        };
    }

    [Theory]
    [InlineData("title: a\n")]
    [InlineData("# comment\n\ntitle:   spaced value   # comment\nid: 'it''s'\nx: \"double quoted\"\n")]
    [InlineData("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n")]
    [InlineData("a:\n- x\n- 'y'\nb:\n  - z\n  -   w   \n")]
    [InlineData("sel:\n    - A|contains: 1\n      B: x\n    - C: y\n    -   D:   z\ncondition: sel\n")]
    [InlineData("a:\n  - b:\n    - c\n    - d\n  - e\n")]
    [InlineData("a: C:\\Windows\\x.exe\nb: -1\nc: x#y\nd: x[y]\ne: x, y\nf: \"C:\\\\x\\\"q\\/\"\n")]
    [InlineData("a:\n  # inside\n  b: 1\n\n# between\nc: 2\n# end\n")]
    [InlineData("a: |\n    line one\n      indented  \n\n    # not a comment\n        \n    last\n\n\nb: x\n")]
    [InlineData("a:\n  - b: |\n      one\n  - c\n")]
    [InlineData("a: |\n  one\n")]
    [InlineData("a: |\n  one\n\n  \n")]
    [InlineData("a: |\n  one\n# comment\nb: 1\n")]
    [InlineData("a: >\n  x\n")]
    [InlineData("a: >-\n    one two\n    three  \n    # four\nb: x\n")]
    [InlineData("a:\n  - b: >-\n      one\n      two\n\n\n  - c\n")]
    [InlineData("a: >\n  one\n  two\n\n  \n")]
    [InlineData("a: >-   \n  one\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("sel:\n    '|all':\n        - 'a: b'\n        - \"c: d\"\n    'x y': 'z'\n    \"q\\\\r\": 1\n")]
    [InlineData("a:\n  - 'k': v\n    \"k2\": 'v2' # c\n  - 'it''s': x\n")]
    [InlineData("a: x \U0001F600 y\nb: '\U0001F600'\n\U0001F600: c\n")]
    [InlineData("a:\n  - x\n---\n# c\n\nb:\n  c: |\n    d\n\n---\ne: 'f'\n")]
    public void Reads_block_yaml_as_yamldotnet_does(string text)
    {
        var events = BlockYamlReader.TryRead(text);
        events.ShouldNotBeNull();
        ShouldMatchYamlDotNet(text, events, text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title: a")] // no line break at the end
    [InlineData("# only a comment\n")]
    [InlineData("---\ntitle: a\n")]
    [InlineData("a: 1\n---\n")] // an empty document at the end
    [InlineData("a: 1\n---\n---\nb: 2\n")]
    [InlineData("a: 1\n--- # c\nb: 2\n")]
    [InlineData("a: 1\n---\nb: 2\n...\n")]
    [InlineData("a:\n---\nb: 2\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: x\n  y\n")] // a plain scalar on two lines
    [InlineData("a:\n  - x\n    y\n")]
    [InlineData("a: 'x\n  y'\n")]
    [InlineData("a: \"x\\ty\"\n")]
    [InlineData("a: |-\n  x\n")]
    [InlineData("a: |\n\n  x\n")]
    [InlineData("a: |\nb: x\n")]
    [InlineData("a: >+\n  x\n")]
    [InlineData("a: >2\n  x\n")]
    [InlineData("a: >-\n  x\n\n  y\n")] // a blank line inside: a line break, not a space
    [InlineData("a: >-\n  x\n    y\n")] // a more indented line keeps its line breaks
    [InlineData("a: >-\n\n  x\n")]
    [InlineData("a: >- # c\n  x\n")]
    [InlineData("a: [x, y]\n")]
    [InlineData("a: {x: y}\n")]
    [InlineData("a: &anchor x\nb: *anchor\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a:\nb: 1\n")] // an empty value
    [InlineData("a:\tb\n")]
    [InlineData("a: b\r\n")]
    [InlineData("'a' : b\n")]
    [InlineData("'a':b\n")]
    [InlineData("'a' x: b\n")]
    [InlineData("- 'a': b\n")]
    [InlineData("a : b\n")]
    [InlineData("- a\n")]
    [InlineData("  a: b\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")] // a bad indentation
    [InlineData("a:\n  - x\n  b: 1\n")]
    [InlineData("a: x\nb:\n")]
    [InlineData("a:\n  -\n    b: 1\n")]
    [InlineData("a:\n  - - x\n")]
    [InlineData("? a\n: b\n")]
    [InlineData(": x\n")] // an empty key
    [InlineData("a: @x\n")]
    [InlineData("a: 'x' y\n")]
    [InlineData("a: x\u0085y\n")]
    public void Leaves_anything_else_to_yamldotnet(string text) => BlockYamlReader.TryRead(text).ShouldBeNull();

    private static void ShouldMatchYamlDotNet(string text, List<ParsingEvent> events, string what)
    {
        var expected = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
            expected.Add(parser.Current!);
        events.Select(Describe).ShouldBe(expected.Select(Describe), what);
    }

    private static string Describe(ParsingEvent e)
    {
        var detail = e switch
        {
            Scalar s => $"'{s.Value}' {s.Style} tag={s.Tag} anchor={s.Anchor} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit}",
            MappingStart m => $"{m.Style} implicit={m.IsImplicit} tag={m.Tag} anchor={m.Anchor}",
            SequenceStart q => $"{q.Style} implicit={q.IsImplicit} tag={q.Tag} anchor={q.Anchor}",
            DocumentStart d => $"implicit={d.IsImplicit}",
            DocumentEnd d => $"implicit={d.IsImplicit}",
            _ => "",
        };
        return $"{e.GetType().Name} {e.Start.Index},{e.Start.Line},{e.Start.Column}-{e.End.Index},{e.End.Line},{e.End.Column} {detail}";
    }
}
