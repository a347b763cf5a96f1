using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Parry.Ingest.Json;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Json;

public class JsonPropertyTests
{
    private static readonly JsonFormat Format = new();

    // A JSON tree as the generator builds it, written out by Utf8JsonWriter.
    private abstract record Node;
    private sealed record Scalar(object? Value) : Node;
    private sealed record Obj(IReadOnlyList<(string Name, Node Value)> Members) : Node;
    private sealed record Arr(IReadOnlyList<Node> Items) : Node;

    private static readonly Gen<string> Strings = Gen.OneOf(
        Gen.Elements("", "a", "héllo", "quote\"back\\slash", "line\nbreak\ttab", "\u0001ctl", "😀 emoji", "</script>", "{\"not\":\"json\"}", "x y"),
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements("abc{}[]\",:\\\n é€😀 ".EnumerateRunes().Select(r => r.ToString()).ToArray()), n))
            .Select(parts => string.Concat(parts)));

    private static readonly Gen<Node> Scalars = Gen.OneOf(
        Strings.Select(s => (Node)new Scalar(s)),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (Node)new Scalar((long)i * 3)),
        Gen.Choose(-1000000, 1000000).Select(i => (Node)new Scalar(i / 7.0)),
        Gen.Elements<Node>(new Scalar(true), new Scalar(false), new Scalar(null), new Scalar(long.MaxValue), new Scalar(1e300)));

    private static Gen<Node> Tree(int depth) => depth <= 0
        ? Scalars
        : Gen.Frequency(
            (3, Scalars),
            (1, Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Tree(depth - 1), n)).Select(items => (Node)new Arr(items))),
            (2, Objects(depth - 1)));

    private static Gen<Node> Objects(int depth) =>
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Strings.SelectMany(name => Tree(depth).Select(v => (name, v))), n))
            .Select(members => (Node)new Obj(members));

    private static readonly Gen<Node> Records = Gen.Choose(0, 4).SelectMany(Objects);

    private static string Write(Node root, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, SkipValidation = false }))
            Write(root, writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Node node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case Obj o:
                writer.WriteStartObject();
                foreach (var (name, value) in o.Members)
                {
                    writer.WritePropertyName(name);
                    Write(value, writer);
                }
                writer.WriteEndObject();
                break;
            case Arr a:
                writer.WriteStartArray();
                foreach (var item in a.Items)
                    Write(item, writer);
                writer.WriteEndArray();
                break;
            case Scalar { Value: string s }:
                writer.WriteStringValue(s);
                break;
            case Scalar { Value: long l }:
                writer.WriteNumberValue(l);
                break;
            case Scalar { Value: double d }:
                writer.WriteNumberValue(d);
                break;
            case Scalar { Value: bool b }:
                writer.WriteBooleanValue(b);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    [Fact]
    public void Any_document_written_by_Utf8JsonWriter_round_trips_into_the_same_tree()
    {
        Prop.ForAll(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Records, n)).ToArbitrary(), Gen.Elements(0, 1, 2).ToArbitrary(), (records, layout) =>
        {
            var expected = records.Select(r => Write(r, indented: false)).ToList();
            var text = layout switch
            {
                0 => string.Join("\n", expected),                                    // JSONL
                1 => string.Join("\n", records.Select(r => Write(r, indented: true))), // concatenated, pretty
                _ => "[" + string.Join(",\n", expected) + "]",                     // array
            };
            var (events, errors) = Decoding.Run(Format, text);
            return errors.Count == 0 && events.Select(Decoding.Json).SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Splitting_the_input_at_any_buffer_boundary_gives_the_same_events()
    {
        Prop.ForAll(Gen.ArrayOf(Records, 3).ToArbitrary(), Gen.Choose(1, 64).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (records, maxChunk, seed) =>
        {
            var text = string.Join("\n", records.Select(r => Write(r, indented: seed % 2 == 0))) + "\n{\"broken\": \"\n{\"a\":1}";
            var bytes = Encoding.UTF8.GetBytes(text);
            var (whole, wholeErrors) = Decoding.Run(Format, bytes);
            var random = new Random(seed);
            var (split, splitErrors) = Decoding.Run(Format, bytes, chunks: () => random.Next(1, maxChunk + 1));
            return whole.Select(Decoding.Json).SequenceEqual(split.Select(Decoding.Json))
                && whole.Select(e => e.Origin.Record).SequenceEqual(split.Select(e => e.Origin.Record))
                && wholeErrors.All.Select(e => e.ToString()).SequenceEqual(splitErrors.All.Select(e => e.ToString()));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_bytes_never_throw_out_of_the_decoder()
    {
        var bytesGen = Gen.Choose(0, 600).SelectMany(n => Gen.ArrayOf(Gen.Elements<byte>(
            (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)'\\', (byte)':', (byte)',', (byte)'\n', (byte)' ',
            (byte)'a', (byte)'1', (byte)'e', (byte)'-', 0x00, 0xff, 0xc3, 0xa9, (byte)'t', (byte)'u'), n));
        Prop.ForAll(bytesGen.ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (bytes, chunk) =>
        {
            var (events, errors) = Decoding.Run(Format, bytes, maxRecordBytes: 64, chunks: () => chunk);
            return events.All(e => e.Origin.Record >= 1) && errors.All.All(e => e.Path == "test.log");
        }).QuickCheckThrowOnFailure();
    }
}
