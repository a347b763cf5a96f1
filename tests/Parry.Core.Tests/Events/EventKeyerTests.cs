using FsCheck;
using FsCheck.Fluent;
using Parry.Core.Events;

namespace Parry.Core.Tests.Events;

public class EventKeyerTests
{
    private static readonly string[] Vocabulary = ["a", "b", "A", "Event", "System", "EventData", "#text", "#attributes", "Name", "Nbme", "x.y", "x.z"];

    private static readonly FieldTable Fields = Table();

    private static FieldTable Table()
    {
        var table = new FieldTableBuilder();
        foreach (var n in new[] { "a", "b", "a.b", "b.a", "Name", "x.y", "a.x.y", "Event.System.Name", "a_Name", "Event.EventData.a", "b.Name", "Nbme", "a.Nbme", "x.z" })
            table.Intern(n);
        return table.Build();
    }

    // A record: a root object of named children, some objects, some scalars, drawn from a small vocabulary so that
    // shapes repeat and names collide.
    private sealed record Node(string Name, int Value, Node[]? Children);

    private static void Write(EventBuilder b, Node node, bool named)
    {
        if (named)
            b.PropertyName(node.Name);
        if (node.Children is null)
        {
            b.Integer(node.Value);
            return;
        }
        b.StartObject();
        foreach (var child in node.Children.DistinctBy(c => c.Name))
            Write(b, child, true);
        b.EndObject();
    }

    private static Gen<Node> NodeGen(int depth) =>
        from name in Gen.Elements(Vocabulary)
        from value in Gen.Choose(0, 9)
        from leaf in depth <= 0 ? Gen.Constant(true) : Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false)))
        from children in leaf ? Gen.Constant<Node[]?>(null) : NodeGen(depth - 1).ArrayOf().Select(a => (Node[]?)a)
        select new Node(name, value, children);

    private static Dictionary<int, List<string>> Lookups(Event e)
    {
        var result = new Dictionary<int, List<string>>();
        for (var id = 0; id < Fields.Count; id++)
        {
            var values = new List<string>();
            foreach (var v in e.Values(id))
                values.Add(v.Text.ToString());
            result[id] = values;
        }
        return result;
    }

    [Fact]
    public void Keying_through_the_shape_cache_gives_what_keying_afresh_gives()
    {
        var records = NodeGen(3).Select(n => new Node("", 0, n.Children ?? [n])).ArrayOf().Where(a => a.Length > 0);
        Prop.ForAll(records.ToArbitrary(), batch =>
        {
            var shared = new EventBuilder();
            foreach (var record in batch.Concat(batch))
            {
                shared.Reset();
                Write(shared, record, false);
                var cached = shared.Build(Fields, new EventOrigin("t", 1), "json");
                var fresh = new EventBuilder();
                Write(fresh, record, false);
                var reference = fresh.Build(Fields, new EventOrigin("t", 1), "json");
                var a = Lookups(cached);
                var b = Lookups(reference);
                if (!a.Keys.All(k => a[k].SequenceEqual(b[k])))
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Records_of_one_shape_share_keys_but_keep_their_own_values()
    {
        var b = new EventBuilder();
        Event Make(string image)
        {
            b.Reset();
            b.StartObject();
            b.PropertyName("a"); b.StartObject(); b.PropertyName("b"); b.String(image); b.EndObject();
            b.EndObject();
            return b.Build(Fields, new EventOrigin("t", 1), "json");
        }
        var first = Make("one");
        var second = Make("two");
        var id = Fields.IdOf("a.b");
        first.GetString(id).ShouldBe("one");
        second.GetString(id).ShouldBe("two");
    }
}
