using System.Text;
using System.Text.Json;
using Parry.Core.Events;

namespace Parry.Core.Tests.Events;

public class EventBuilderTests
{
    private static readonly string[] Names =
        ["EventID", "Image", "Provider_Name", "Event.System.EventID", "Channel", "Security_UserID", "EventID_Qualifiers",
         "userIdentity.arn", "tags", "Data", "Param1", "ThreatName"];

    private static (Event Event, Func<string, int> Id) BuildEvtxShaped()
    {
        var table = new FieldTableBuilder();
        foreach (var name in Names)
            table.Intern(name);
        var fields = table.Build();
        var b = new EventBuilder();
        b.StartObject();
        b.PropertyName("Event");
        b.StartObject();
        b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("xmlns"); b.String("http://x"); b.EndObject();
        b.PropertyName("System");
        b.StartObject();
        b.PropertyName("Provider"); b.StartObject();
        b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("Name"); b.String("Microsoft-Windows-Sysmon"); b.EndObject();
        b.EndObject();
        b.PropertyName("EventID"); b.StartObject();
        b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("Qualifiers"); b.Integer(16384); b.EndObject();
        b.PropertyName("#text"); b.Integer(4625);
        b.EndObject();
        b.PropertyName("Channel"); b.String("Security");
        b.PropertyName("Security"); b.StartObject();
        b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("UserID"); b.String("S-1-5-18"); b.EndObject();
        b.EndObject();
        b.EndObject();
        b.PropertyName("EventData"); b.StartObject();
        b.PropertyName("Image"); b.String(@"C:\Windows\System32\CMD.exe");
        b.PropertyName("Data"); b.StartArray(); b.String("one"); b.String("two"); b.EndArray();
        b.PropertyName("Threat Name"); b.String("Tool:Win32/EICAR_Test_File");
        b.EndObject();
        b.EndObject();
        b.EndObject();
        return (b.Build(fields, new EventOrigin("a.json", 1), "json"), n => fields.IdOf(n));
    }

    [Fact]
    public void Evtx_shaped_records_are_keyed_by_sigma_short_names()
    {
        var (e, id) = BuildEvtxShaped();
        e.GetString(id("Image")).ShouldBe(@"C:\Windows\System32\CMD.exe");
        e.GetString(id("Provider_Name")).ShouldBe("Microsoft-Windows-Sysmon");
        e.GetString(id("EventID")).ShouldBe("4625");
        e.GetString(id("Event.System.EventID")).ShouldBe("4625");
        e.GetString(id("EventID_Qualifiers")).ShouldBe("16384");
        e.GetString(id("Security_UserID")).ShouldBe("S-1-5-18");
        e.GetString(id("Channel")).ShouldBe("Security");
        e.GetString(id("ThreatName")).ShouldBe("Tool:Win32/EICAR_Test_File");
        e.TryGetValue(id("EventID"), out var eid).ShouldBeTrue();
        eid.TryGetInt64(out var n).ShouldBeTrue();
        n.ShouldBe(4625);
    }

    [Fact]
    public void Field_names_are_case_insensitive_and_unknown_names_miss()
    {
        var (e, id) = BuildEvtxShaped();
        id("image").ShouldBe(id("Image"));
        e.Has(id("Param1")).ShouldBeFalse();
        e.Has(-1).ShouldBeFalse();
    }

    [Fact]
    public void Lists_yield_every_item_and_folded_text_is_lower_case()
    {
        var (e, id) = BuildEvtxShaped();
        var items = new List<string>();
        foreach (var v in e.Values(id("Data")))
            items.Add(v.Text.ToString());
        items.ShouldBe(["one", "two"]);
        e.TryGetValue(id("Image"), out var image).ShouldBeTrue();
        image.FoldedText.ToString().ShouldBe(@"c:\windows\system32\cmd.exe");
    }

    [Fact]
    public void Released_folded_text_is_made_again_and_the_next_event_folds_its_own_values()
    {
        var (first, id) = BuildEvtxShaped();
        first.TryGetValue(id("Image"), out var image).ShouldBeTrue();
        image.FoldedText.ToString().ShouldBe(@"c:\windows\system32\cmd.exe");
        first.ReleaseFoldedText();

        // The next event folded on this thread takes the released arena: every value it folds is its own, none is
        // taken for folded already because the arena's previous owner folded a value at the same place.
        var fields = new FieldTableBuilder();
        var a = fields.Intern("a");
        var b = fields.Intern("b");
        var table = fields.Build();
        var builder = new EventBuilder();
        builder.StartObject();
        builder.PropertyName("a"); builder.String("XYZ-ÄÖÜ-Value");
        builder.PropertyName("b"); builder.String("SECOND");
        builder.EndObject();
        var second = builder.Build(table, new EventOrigin("b.json", 2), "json");
        second.TryGetValue(a, out var va).ShouldBeTrue();
        second.TryGetValue(b, out var vb).ShouldBeTrue();
        vb.FoldedText.ToString().ShouldBe("second");
        va.FoldedText.ToString().ShouldBe("xyz-äöü-value");

        // The first event folds again into an arena of its own.
        first.TryGetValue(id("Channel"), out var channel).ShouldBeTrue();
        channel.FoldedText.ToString().ShouldBe("security");
        image.FoldedText.ToString().ShouldBe(@"c:\windows\system32\cmd.exe");
        vb.FoldedText.ToString().ShouldBe("second");
    }

    [Theory]
    [InlineData("CMD.EXE", "Mixed Case Value", "ALL-ASCII")]
    [InlineData("CMD.EXE", "XYZ-ÄÖÜ-Value", "ASCII after non-ASCII")]
    // A surrogate pair folds as one character (Deseret capital long I → small); a lone surrogate at the end of one
    // value and one at the start of the next are not paired across the values.
    [InlineData("A\\uD801\\uDC00B", "TAIL\\uD801", "\\uDC00HEAD")]
    public void Every_value_folds_exactly_as_its_own_text_lower_cased_invariantly(string a, string b, string c)
    {
        (a, b, c) = (System.Text.RegularExpressions.Regex.Unescape(a), System.Text.RegularExpressions.Regex.Unescape(b),
            System.Text.RegularExpressions.Regex.Unescape(c));
        var (e, ids) = ThreeStrings(a, b, c);

        // Read in reverse order, so a value folded whole or alone first makes no difference.
        string[] texts = [a, b, c];
        for (var i = texts.Length - 1; i >= 0; i--)
        {
            e.TryGetValue(ids[i], out var value).ShouldBeTrue();
            value.FoldedText.ToString().ShouldBe(texts[i].ToLowerInvariant());
        }
    }

    [Theory]
    [InlineData("CMD.EXE", "Mixed Case Value", "ALL-ASCII", true)]
    [InlineData("CMD.EXE", "XYZ-ÄÖÜ-Value", "ASCII after non-ASCII", true)]
    // The Kelvin sign and the dotted capital I fold to ASCII letters; Cyrillic and a typographic quote stay non-ASCII.
    [InlineData("\\u212AERBEROS::PTT", "\\u0130NVOKE-\\u0416\\u0418\\u0412", "\\u2019QUOTED\\u2019", true)]
    [InlineData("\\u00C4", "\\u00D6", "\\u00DC", true)]
    [InlineData("CMD.EXE", "A\\uD801\\uDC00B", "SURROGATE PAIR", false)]
    [InlineData("TAIL\\uD801", "\\uDC00HEAD", "LONE SURROGATES", false)]
    public void The_whole_folded_text_holds_every_folded_value_and_is_given_only_for_records_without_surrogates(string a, string b, string c, bool whole)
    {
        (a, b, c) = (System.Text.RegularExpressions.Regex.Unescape(a), System.Text.RegularExpressions.Regex.Unescape(b),
            System.Text.RegularExpressions.Regex.Unescape(c));
        var (e, ids) = ThreeStrings(a, b, c);

        e.TryGetFoldedWholeText(out var folded).ShouldBe(whole);
        var wholeText = folded.ToString();
        if (!whole)
        {
            wholeText.ShouldBeEmpty();
            return;
        }
        string[] texts = [a, b, c];
        for (var i = 0; i < texts.Length; i++)
        {
            e.TryGetValue(ids[i], out var value).ShouldBeTrue();
            value.FoldedText.ToString().ShouldBe(texts[i].ToLowerInvariant());
            wholeText.ShouldContain(texts[i].ToLowerInvariant());
        }
    }

    [Fact]
    public void The_invariant_culture_lower_cases_every_character_but_a_surrogate_on_its_own()
    {
        // What folding a record's whole text in one pass relies on: a character folded alone (char.ToLowerInvariant)
        // folds as it does inside a string (string.ToLowerInvariant, which the per-value folding uses).
        for (var c = (char)0; c < char.MaxValue; c++)
        {
            if (!char.IsSurrogate(c))
                new string(c, 1).ToLowerInvariant().ShouldBe(char.ToLowerInvariant(c).ToString(), $"U+{(int)c:X4}");
        }
    }

    // An event of three string fields a, b and c, and their field ids.
    private static (Event Event, int[] Ids) ThreeStrings(string a, string b, string c)
    {
        var fields = new FieldTableBuilder();
        int[] ids = [fields.Intern("a"), fields.Intern("b"), fields.Intern("c")];
        var table = fields.Build();
        var builder = new EventBuilder();
        builder.StartObject();
        builder.PropertyName("a"); builder.String(a);
        builder.PropertyName("b"); builder.String(b);
        builder.PropertyName("c"); builder.String(c);
        builder.EndObject();
        return (builder.Build(table, new EventOrigin("f.json", 1), "json"), ids);
    }

    [Fact]
    public void Names_up_to_the_longest_a_node_holds_are_kept_whole_and_longer_ones_are_too_large()
    {
        System.Runtime.CompilerServices.Unsafe.SizeOf<EventNode>().ShouldBe(32);
        var table = new FieldTableBuilder();
        var fields = table.Build();
        var limits = new EventLimits(MaxTextChars: 40 * 1024 * 1024);
        var longest = new string('n', EventNode.MaxNameLength);

        var b = new EventBuilder(limits);
        b.StartObject();
        b.PropertyName(longest); b.Boolean(true);
        b.PropertyName("after"); b.StartArray(); b.Float(1.5); b.EndArray();
        b.EndObject();
        var e = b.Build(fields, new EventOrigin("n.json", 1), "json");
        e.NameOf(1).Length.ShouldBe(EventNode.MaxNameLength);
        e.Node(1).Kind.ShouldBe(ValueKind.Boolean);
        e.Node(2).Kind.ShouldBe(ValueKind.Array);
        e.NameOf(2).ToString().ShouldBe("after");
        e.Node(3).Kind.ShouldBe(ValueKind.Float);

        b.Reset();
        b.StartObject();
        Should.Throw<EventTooLargeException>(() => b.PropertyName(longest + "n"));
    }

    [Fact]
    public void The_tree_writes_back_as_the_same_json()
    {
        var (e, _) = BuildEvtxShaped();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            e.WriteJson(writer);
        var json = Encoding.UTF8.GetString(stream.ToArray());
        json.ShouldBe("""{"Event":{"#attributes":{"xmlns":"http://x"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Sysmon"}},"EventID":{"#attributes":{"Qualifiers":16384},"#text":4625},"Channel":"Security","Security":{"#attributes":{"UserID":"S-1-5-18"}}},"EventData":{"Image":"C:\\Windows\\System32\\CMD.exe","Data":["one","two"],"Threat Name":"Tool:Win32/EICAR_Test_File"}}}""");
    }

    [Fact]
    public void Generic_json_is_keyed_by_dotted_path_only()
    {
        var table = new FieldTableBuilder();
        var arn = table.Intern("userIdentity.arn");
        var shortArn = table.Intern("arn");
        var tags = table.Intern("tags");
        var fields = table.Build();
        var b = new EventBuilder();
        b.StartObject();
        b.PropertyName("userIdentity"); b.StartObject(); b.PropertyName("arn"); b.String("arn:aws:iam::1:user/x"); b.EndObject();
        b.PropertyName("tags"); b.StartArray(); b.Integer(1); b.Boolean(true); b.Null(); b.EndArray();
        b.EndObject();
        var e = b.Build(fields, new EventOrigin("c.json", 3), "json");
        e.GetString(arn).ShouldBe("arn:aws:iam::1:user/x");
        e.Has(shortArn).ShouldBeFalse();
        var count = 0;
        foreach (var _ in e.Values(tags))
            count++;
        count.ShouldBe(3);
    }

    [Fact]
    public void Misuse_is_rejected_and_limits_hold()
    {
        var b = new EventBuilder(new EventLimits(MaxNodes: 3, MaxTextChars: 10, MaxDepth: 2));
        b.StartObject();
        Should.Throw<InvalidOperationException>(() => b.String("no name"));
        b.Reset();
        b.StartObject();
        b.PropertyName("a");
        Should.Throw<EventTooLargeException>(() => b.String("longer than ten"));
        b.Reset();
        b.StartObject();
        b.PropertyName("a");
        b.StartObject();
        b.PropertyName("b");
        Should.Throw<EventTooLargeException>(() => b.StartObject());
    }

    private static string Json(Event e)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            e.WriteJson(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // {"a":1,"b":{"c":[2,"x",{"d":true}]},"e":null,"f":"s"}, with where b starts and where f starts.
    // Writes {"z": value, the source's members from bStart to fStart, "g": 9, the source's members from fStart on}.
    private static Event WriteAround(EventBuilder b, Event source, string value, int bStart, int fStart, FieldTable fields)
    {
        b.StartObject();
        b.PropertyName("z"); b.String(value);
        b.CopyMembers(source, bStart, fStart);
        b.PropertyName("g"); b.Integer(9);
        b.CopyMembers(source, fStart, source.NodeCount);
        b.EndObject();
        return b.Build(fields, new EventOrigin("b.json", 2), "json");
    }

    // The field table of the copy tests: names in the copied members and around them.
    private static FieldTable CopyFields()
    {
        var table = new FieldTableBuilder();
        foreach (var name in new[] { "z", "b.c", "b.c.d", "e", "g" })
            table.Intern(name);
        return table.Build();
    }

    private static (Event Event, int B, int F) Source(FieldTable fields, int room = 0)
    {
        var b = new EventBuilder();
        b.StartObject();
        b.PropertyName("a"); b.Integer(1);
        var bStart = b.NodeCount;
        b.PropertyName("b"); b.StartObject();
        b.PropertyName("c"); b.StartArray(); b.Integer(2); b.String("x"); b.StartObject(); b.PropertyName("d"); b.Boolean(true); b.EndObject(); b.EndArray();
        b.EndObject();
        b.PropertyName("e"); b.Null();
        var fStart = b.NodeCount;
        b.PropertyName("f"); b.String("s");
        b.EndObject();
        return (b.Build(fields, new EventOrigin("a.json", 1), "json", null, room), bStart, fStart);
    }

    [Fact]
    public void Copied_members_are_the_event_written_again_node_for_node()
    {
        var fields = CopyFields();
        var (source, bStart, fStart) = Source(fields);

        var b = new EventBuilder();
        b.StartObject();
        b.PropertyName("z"); b.String("first");
        b.CopyMembers(source, bStart, fStart);
        b.PropertyName("g"); b.Integer(9);
        b.EndObject();
        var copy = b.Build(fields, new EventOrigin("b.json", 2), "json");

        var w = new EventBuilder();
        w.StartObject();
        w.PropertyName("z"); w.String("first");
        w.PropertyName("b"); w.StartObject();
        w.PropertyName("c"); w.StartArray(); w.Integer(2); w.String("x"); w.StartObject(); w.PropertyName("d"); w.Boolean(true); w.EndObject(); w.EndArray();
        w.EndObject();
        w.PropertyName("e"); w.Null();
        w.PropertyName("g"); w.Integer(9);
        w.EndObject();
        var written = w.Build(fields, new EventOrigin("b.json", 2), "json");

        Json(copy).ShouldBe("""{"z":"first","b":{"c":[2,"x",{"d":true}]},"e":null,"g":9}""");
        Json(copy).ShouldBe(Json(written));
        SameNodes(copy, written);
        foreach (var name in new[] { "z", "b.c", "b.c.d", "e", "g" })
        {
            var id = fields.IdOf(name);
            copy.Has(id).ShouldBe(written.Has(id), name);
            string.Join("|", Values(copy, id)).ShouldBe(string.Join("|", Values(written, id)), name);
        }
    }

    [Theory]
    [InlineData("first", 64)] // the new text fits the room: written there, the arena shared
    [InlineData("a value longer than the room left past the text of the source", 8)] // grown while written: copied after all
    public void An_event_written_on_a_continued_arena_is_the_event_written_again(string value, int room)
    {
        var table = new FieldTableBuilder();
        foreach (var name in new[] { "z", "b.c", "b.c.d", "e", "g", "a", "f" })
            table.Intern(name);
        var fields = table.Build();
        var (source, bStart, fStart) = Source(fields, room);
        var sourceJson = Json(source);

        var b = new EventBuilder();
        b.ContinueArena(source, 0).ShouldBeTrue();
        var continued = WriteAround(b, source, value, bStart, fStart, fields);

        // Only one event may write in a source's room; a builder reset after continuing writes on its own arena again.
        var again = new EventBuilder();
        again.ContinueArena(source, 0).ShouldBeFalse();
        b.Reset();
        var copied = WriteAround(b, source, value, bStart, fStart, fields);

        Json(continued).ShouldBe($$"""{"z":"{{value}}","b":{"c":[2,"x",{"d":true}]},"e":null,"g":9,"f":"s"}""");
        // The same tree, names and values; its own text sits past the source's, so offsets differ.
        continued.NodeCount.ShouldBe(copied.NodeCount);
        for (var i = 0; i < copied.NodeCount; i++)
        {
            ref readonly var a = ref continued.Node(i);
            ref readonly var e = ref copied.Node(i);
            (a.Parent, a.End, a.NameLength, a.TextLength, a.Bits, a.Kind).ShouldBe((e.Parent, e.End, e.NameLength, e.TextLength, e.Bits, e.Kind));
            continued.NameOf(i).ToString().ShouldBe(copied.NameOf(i).ToString());
            continued.TextOf(i).ToString().ShouldBe(copied.TextOf(i).ToString());
        }
        Json(source).ShouldBe(sourceJson);
        foreach (var name in new[] { "z", "b.c", "b.c.d", "e", "g", "f" })
        {
            var id = fields.IdOf(name);
            string.Join("|", Values(continued, id)).ShouldBe(string.Join("|", Values(copied, id)), name);
        }
    }

    [Fact]
    public void An_arena_is_not_continued_when_the_text_to_come_does_not_fit_its_room()
    {
        var table = new FieldTableBuilder();
        table.Intern("a");
        var fields = table.Build();
        var (source, _, _) = Source(fields, room: 16);
        new EventBuilder().ContinueArena(source, 17).ShouldBeFalse();
        new EventBuilder().ContinueArena(source, 16).ShouldBeTrue();
        var started = new EventBuilder();
        started.StartObject();
        Should.Throw<InvalidOperationException>(() => started.ContinueArena(source, 0));
    }

    [Fact]
    public void Members_whose_text_is_not_one_stretch_of_the_arena_are_copied_the_same()
    {
        var fields = CopyFields();
        var (source, bStart, fStart) = Source(fields);
        var spread = Spread(source, fields);
        Json(spread).ShouldBe(Json(source));

        var copies = new List<Event>();
        foreach (var from in new[] { source, spread })
        {
            var b = new EventBuilder();
            b.StartObject();
            b.PropertyName("z"); b.String("first");
            b.CopyMembers(from, bStart, fStart);
            b.PropertyName("g"); b.Integer(9);
            b.EndObject();
            copies.Add(b.Build(fields, new EventOrigin("b.json", 2), "json"));
        }
        Json(copies[1]).ShouldBe("""{"z":"first","b":{"c":[2,"x",{"d":true}]},"e":null,"g":9}""");
        SameNodes(copies[1], copies[0]);
    }

    // The same event with a character between every name and value in its arena (as a decoder that does not append
    // in node order could lay it out).
    private static Event Spread(Event e, FieldTable fields)
    {
        var text = new StringBuilder();
        var nodes = new EventNode[e.NodeCount];
        for (var i = 0; i < e.NodeCount; i++)
        {
            ref readonly var node = ref e.Node(i);
            var nameStart = -1;
            if (node.NameStart >= 0)
            {
                text.Append('#');
                nameStart = text.Length;
                text.Append(e.NameOf(i));
            }
            var textStart = 0;
            if (node.IsScalar)
            {
                text.Append('#');
                textStart = text.Length;
                text.Append(e.TextOf(i));
            }
            nodes[i] = new EventNode(node.Parent, node.End, nameStart, node.NameLength, textStart, node.TextLength, node.Bits, node.Kind);
        }
        var arena = text.ToString().ToCharArray();
        var (keys, keyNodes) = new EventKeyer().Key(fields, nodes, arena);
        return new Event(nodes, keys, keyNodes, arena, arena.Length, e.Origin, e.SourceKind, e.Timestamp);
    }

    private static void SameNodes(Event actual, Event expected)
    {
        actual.NodeCount.ShouldBe(expected.NodeCount);
        for (var i = 0; i < expected.NodeCount; i++)
        {
            ref readonly var a = ref actual.Node(i);
            ref readonly var x = ref expected.Node(i);
            (a.Parent, a.End, a.NameStart, a.NameLength, a.TextStart, a.TextLength, a.Bits, a.Kind)
                .ShouldBe((x.Parent, x.End, x.NameStart, x.NameLength, x.TextStart, x.TextLength, x.Bits, x.Kind), $"node {i}");
        }
    }

    private static List<string> Values(Event e, int field)
    {
        var values = new List<string>();
        foreach (var value in e.Values(field))
            values.Add(value.Kind + ":" + value.Text.ToString());
        return values;
    }

    [Fact]
    public void Only_whole_members_are_copied_and_only_into_an_object()
    {
        var fields = new FieldTableBuilder().Build();
        var (source, bStart, fStart) = Source(fields);

        var b = new EventBuilder();
        b.StartObject();
        // Starting inside b's subtree, or ending inside it.
        Should.Throw<ArgumentException>(() => b.CopyMembers(source, bStart + 1, fStart));
        b.Reset();
        b.StartObject();
        Should.Throw<ArgumentException>(() => b.CopyMembers(source, 1, bStart + 2));
        b.Reset();
        b.StartObject();
        Should.Throw<ArgumentOutOfRangeException>(() => b.CopyMembers(source, 0, fStart));
        b.Reset();
        b.StartArray();
        Should.Throw<InvalidOperationException>(() => b.CopyMembers(source, bStart, fStart));
    }
}
