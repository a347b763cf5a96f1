using static Parry.Ingest.Tests.Evtx.SyntheticEvtx;

namespace Parry.Ingest.Tests.Evtx.Rendering;

/// <summary>
/// evtx_dump's rendering rules on hand-written records, for what the corpora seldom or never hold: every value
/// type, arrays, optional and missing substitutions, unnamed Data, repeated names, references, nested binary XML.
/// </summary>
public class EvtxRenderingTests
{
    private const byte Str = 0x01, U16 = 0x06, U64 = 0x0A, Hex64 = 0x15, Bool = 0x0D, FileTimeType = 0x11;
    private const byte GuidType = 0x0F, SidType = 0x13, BinXmlType = 0x21;

    private static List<string> Decode(SyntheticEvtx evtx, out IReadOnlyList<Parry.Core.Diagnostics.InputError> errors)
    {
        var (events, found) = EvtxTestFiles.Decode("synthetic.evtx", evtx.ToFile());
        errors = found;
        return [.. events.Select(EvtxTestFiles.ToJson)];
    }

    private static string DecodeOne(Action<SyntheticEvtx> record)
    {
        var json = Decode(new SyntheticEvtx().Record(record), out var errors);
        errors.ShouldBeEmpty();
        return json.ShouldHaveSingleItem();
    }

    // <Event><EventData>(data)</EventData></Event> as one template with the given values.
    private static string EventData(Action<SyntheticEvtx> data, params Sub[] values) => DecodeOne(r => r.Template(d =>
    {
        d.Open("Event");
        d.CloseStart();
        d.Open("EventData");
        d.CloseStart();
        data(d);
        d.End();
        d.End();
    }, values));

    private static void NamedData(SyntheticEvtx d, string name, ushort index, byte type, bool optional = false)
    {
        d.Open("Data", attributes: true);
        d.Attribute("Name");
        d.Text(name);
        d.CloseStart();
        d.Substitution(index, type, optional);
        d.End();
    }

    private static void UnnamedData(SyntheticEvtx d, ushort index, byte type)
    {
        d.Open("Data");
        d.CloseStart();
        d.Substitution(index, type);
        d.End();
    }

    [Fact]
    public void System_renders_as_evtx_dump_does()
    {
        var time = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        var (events, errors) = EvtxTestFiles.Decode("synthetic.evtx", new SyntheticEvtx().Record(r => r.Template(d =>
        {
            d.Open("Event", attributes: true);
            d.Attribute("xmlns");
            d.Text("http://schemas.microsoft.com/win/2004/08/events/event");
            d.CloseStart();
            d.Open("System");
            d.CloseStart();
            d.Open("Provider", attributes: true);
            d.Attribute("Name");
            d.Substitution(0, Str);
            d.Attribute("Guid");
            d.Substitution(1, GuidType, optional: true);
            d.CloseEmpty();
            d.Open("EventID", attributes: true);
            d.Attribute("Qualifiers");
            d.Substitution(2, U16, optional: true);
            d.CloseStart();
            d.Substitution(3, U16);
            d.End();
            d.SubstitutedElement("Keywords", 4, Hex64);
            d.Open("TimeCreated", attributes: true);
            d.Attribute("SystemTime");
            d.Substitution(5, FileTimeType);
            d.CloseEmpty();
            d.SubstitutedElement("EventRecordID", 6, U64);
            d.Open("Correlation", attributes: true);
            d.Attribute("ActivityID");
            d.Substitution(7, GuidType, optional: true);
            d.CloseEmpty();
            d.Open("Security", attributes: true);
            d.Attribute("UserID");
            d.Substitution(8, SidType, optional: true);
            d.CloseEmpty();
            d.End();
            d.End();
        }, SyntheticEvtx.Str("Microsoft-Windows-Security-Auditing"), Null(), U16Value(16384), U16Value(4625),
           SyntheticEvtx.Hex64(0x8010000000000000), FileTime(time), SyntheticEvtx.U64(42), Null(),
           Sid(1, 5, 18))).ToFile());
        errors.ShouldBeEmpty();
        var e = events.ShouldHaveSingleItem();
        EvtxTestFiles.ToJson(e).ShouldBe("""{"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing"}},"EventID":{"#attributes":{"Qualifiers":16384},"#text":4625},"Keywords":"0x8010000000000000","TimeCreated":{"#attributes":{"SystemTime":"2024-05-01T12:00:00.123456Z"}},"EventRecordID":42,"Correlation":null,"Security":{"#attributes":{"UserID":"S-1-5-18"}}}}}""");
        e.Origin.Record.ShouldBe(42);
        e.Timestamp.ShouldBe(new DateTimeOffset(time));
        e.SourceKind.ShouldBe("evtx");
    }

    private static Sub U16Value(ushort v) => SyntheticEvtx.U16(v);

    [Fact]
    public void Every_value_type_renders_in_evtx_dump_form()
    {
        var guid = new Guid("5770385f-c22a-43e0-bf4c-06f5698ffbd9");
        var json = EventData(d =>
        {
            string[] names = ["i32", "u64", "hex32", "real", "big", "bool", "binary", "guid", "systime", "sid", "padded", "array1", "surrogate"];
            byte[] types = [0x07, 0x0A, 0x14, 0x0C, 0x0C, 0x0D, 0x0E, 0x0F, 0x12, 0x13, 0x01, 0x86, 0x01];
            for (var i = 0; i < names.Length; i++)
                NamedData(d, names[i], (ushort)i, types[i]);
        },
        I32(-5), SyntheticEvtx.U64(ulong.MaxValue), Hex32(255), Real64(1.5), Real64(1e20), SyntheticEvtx.Bool(true),
        Binary(0xDE, 0xAD, 0x01), GuidValue(guid), SystemTime(2020, 1, 2, 3, 4, 5, 678), Sid(1, 5, 21, 1, 2, 3, 500),
        SyntheticEvtx.Str("Advapi  "), UInt16Array(7), SyntheticEvtx.Str("a\uD800b"));
        json.ShouldBe("""{"Event":{"EventData":{"i32":-5,"u64":18446744073709551615,"hex32":"0xff","real":"1.5","big":"1e20","bool":true,"binary":"DEAD01","guid":"5770385F-C22A-43E0-BF4C-06F5698FFBD9","systime":"2020-01-02T03:04:05.678000Z","sid":"S-1-5-21-1-2-3-500","padded":"Advapi","array1":"7","surrogate":"a�b"}}}""");
    }

    [Fact]
    public void Empty_and_missing_values_are_empty_strings_in_data_and_null_elsewhere()
    {
        var json = DecodeOne(r => r.Template(d =>
        {
            d.Open("Event");
            d.CloseStart();
            d.SubstitutedElement("Optional", 0, Str, optional: true);
            d.SubstitutedElement("NullValue", 1, 0x00);
            d.SubstitutedElement("Missing", 9, Str);
            d.Open("EventData");
            d.CloseStart();
            NamedData(d, "Empty", 2, Str, optional: true);
            NamedData(d, "Blank", 3, Str);
            d.End();
            d.End();
        }, SyntheticEvtx.Str(""), Null(), SyntheticEvtx.Str(""), SyntheticEvtx.Str("   ")));
        json.ShouldBe("""{"Event":{"Optional":null,"NullValue":null,"Missing":null,"EventData":{"Empty":"","Blank":""}}}""");
    }

    [Fact]
    public void Unnamed_data_becomes_data_text_a_value_or_a_list()
    {
        EventData(d => UnnamedData(d, 0, Str), SyntheticEvtx.Str("only"))
            .ShouldBe("""{"Event":{"EventData":{"Data":{"#text":"only"}}}}""");
        EventData(d =>
        {
            UnnamedData(d, 0, Str);
            UnnamedData(d, 1, U16);
            UnnamedData(d, 2, Str);
        }, SyntheticEvtx.Str("a"), U16Value(3), SyntheticEvtx.Str(""))
            .ShouldBe("""{"Event":{"EventData":{"Data":{"#text":["a",3,""]}}}}""");
    }

    [Fact]
    public void An_array_value_repeats_its_element_once_per_item()
    {
        EventData(d => UnnamedData(d, 0, 0x81), StringArray("a", "", "c"))
            .ShouldBe("""{"Event":{"EventData":{"Data":{"#text":["a","","c"]}}}}""");
        EventData(d => NamedData(d, "X", 0, 0x86), UInt16Array(1, 2))
            .ShouldBe("""{"Event":{"EventData":{"X":1,"X":2}}}""");
    }

    [Fact]
    public void An_element_with_many_arrays_expands_four_of_them_and_joins_the_rest()
    {
        var json = EventData(d =>
        {
            d.Open("Data");
            d.CloseStart();
            for (ushort i = 0; i < 20; i++)
                d.Substitution(i, 0x81);
            d.End();
        }, [.. Enumerable.Range(0, 20).Select(_ => StringArray("a", "b"))]);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var items = document.RootElement.GetProperty("Event").GetProperty("EventData").GetProperty("Data").GetProperty("#text");
        items.GetArrayLength().ShouldBe(16);
        items[0].GetString().ShouldBe("aaaa" + string.Concat(Enumerable.Repeat("a,b", 16)));
        items[15].GetString().ShouldBe("bbbb" + string.Concat(Enumerable.Repeat("a,b", 16)));
    }

    [Fact]
    public void Repeated_names_get_suffixes_and_text_sits_beside_attributes()
    {
        var json = DecodeOne(r => r.Template(d =>
        {
            d.Open("Event");
            d.CloseStart();
            d.Open("UserData");
            d.CloseStart();
            d.Open("Op");
            d.CloseStart();
            foreach (var i in new ushort[] { 0, 1, 2 })
                d.SubstitutedElement("Header", i, Str);
            d.Open("Msg", attributes: true);
            d.Attribute("Lang");
            d.Text("en");
            d.CloseStart();
            d.Text("hi ");
            d.EntityRef("amp");
            d.CharRef(65);
            d.End();
            d.End();
            d.End();
            d.End();
        }, SyntheticEvtx.Str("a"), SyntheticEvtx.Str("b"), SyntheticEvtx.Str("c")));
        json.ShouldBe("""{"Event":{"UserData":{"Op":{"Header":"a","Header_1":"b","Header_2":"c","Msg":{"#attributes":{"Lang":"en"},"#text":"hi &amp;&#65;"}}}}}""");
    }

    [Fact]
    public void Nested_binary_xml_and_template_references_are_expanded()
    {
        var evtx = new SyntheticEvtx();
        var definition = 0;
        void Outer(SyntheticEvtx d)
        {
            d.Open("Event");
            d.CloseStart();
            d.Open("EventData");
            d.CloseStart();
            d.Substitution(0, BinXmlType);
            d.End();
            d.End();
        }
        Sub Inner(string value) => SyntheticEvtx.BinXml(n => n.Template(t => NamedData(t, "n", 0, Str), SyntheticEvtx.Str(value)));
        evtx.Record(r => definition = r.Template(Outer, Inner("first")));
        evtx.Record(r => r.TemplateReference(definition, Inner("second")));
        var json = Decode(evtx, out var errors);
        errors.ShouldBeEmpty();
        json.ShouldBe([
            """{"Event":{"EventData":{"n":"first"}}}""",
            """{"Event":{"EventData":{"n":"second"}}}""",
        ]);
    }

    [Fact]
    public void A_template_that_refers_to_a_template_is_a_located_error_not_a_cycle()
    {
        // The second record's definition holds a template instance that points back at its own definition.
        var evtx = new SyntheticEvtx()
            .Record(r => r.Template(d => d.SubstitutedElement("Fine", 0, Str), SyntheticEvtx.Str("x")))
            .Record(r => r.Template(d => d.TemplateReference(d.Position - 4 - 24)));
        var json = Decode(evtx, out var errors);
        json.ShouldBe(["""{"Fine":"x"}"""]);
        var error = errors.ShouldHaveSingleItem();
        (error.Chunk, error.Record).ShouldBe((0L, (long?)2));
        error.Message.ShouldContain("template instance inside a template definition");
    }

    [Fact]
    public void Binary_xml_nested_too_deep_is_a_located_error_not_a_crash()
    {
        Sub Level(int depth) => depth == 0
            ? SyntheticEvtx.Str("bottom")
            : SyntheticEvtx.BinXml(n => n.Template(t => t.SubstitutedElement("L", 0, depth == 1 ? Str : BinXmlType), Level(depth - 1)));
        var evtx = new SyntheticEvtx()
            .Record(r => r.Template(d => d.SubstitutedElement("Top", 0, BinXmlType), Level(3)))
            .Record(r => r.Template(d => d.SubstitutedElement("Top", 0, BinXmlType), Level(12)));
        var json = Decode(evtx, out var errors);
        json.ShouldBe(["""{"Top":{"L":{"L":{"L":"bottom"}}}}"""]);
        var error = errors.ShouldHaveSingleItem();
        (error.Chunk, error.Record).ShouldBe((0L, (long?)2));
        error.Message.ShouldContain("nested deeper");
    }
}
