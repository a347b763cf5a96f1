using FsCheck;
using FsCheck.Fluent;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>
/// Property: whatever bytes of a real file are damaged (overwritten, flipped, zeroed, cut short), the reader
/// returns — no exception, no hang — every event it yields can be written as JSON, and every error it reports names
/// the file and, below the file header, the chunk; none is a decoder bug.
/// </summary>
public class EvtxDamagePropertyTests
{
    private const string Name = "fuzzed.evtx";
    private static readonly byte[] Original = EvtxDamage.ThreeChunkFile();

    private readonly record struct Damage(int Position, byte Value, int Kind);

    private static readonly Gen<Damage> OneDamage =
        from position in Gen.Choose(0, Original.Length - 1)
        from value in Gen.Choose(0, 255)
        from kind in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        select new Damage(position, (byte)value, kind);

    private static readonly Gen<(Damage[] Damage, bool FixChecksums, int CutAt)> Cases =
        from damage in Gen.ArrayOf(OneDamage).Where(d => d.Length is > 0 and <= 40)
        from fix in Gen.Elements(true, true, false)
        from cut in Gen.Frequency((4, Gen.Constant(Original.Length)), (1, Gen.Choose(0, Original.Length)))
        select (damage, fix, cut);

    [Fact]
    public void Random_damage_never_throws_and_always_terminates()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var file = Apply(c.Damage, c.FixChecksums)[..c.CutAt];
            foreach (var verify in new[] { true, false })
            {
                var run = Task.Run(() => EvtxTestFiles.Decode(Name, file, verify, parallelism: verify ? 2 : 1));
                if (!run.Wait(TimeSpan.FromSeconds(30)))
                    return false;
                var (events, errors) = run.Result;
                if (events.Count > 3 * (65536 / 28))
                    return false;
                foreach (var e in events)
                    EvtxTestFiles.ToJson(e); // damaged text must still be writable as JSON
                foreach (var error in errors)
                {
                    if (error.Path != Name || error.Message.Contains("internal decoder error", StringComparison.Ordinal))
                        return false;
                    var fileLevel = error.Chunk is null && error.Record is null;
                    if (fileLevel && !(error.Message.Contains("header", StringComparison.Ordinal)
                        || error.Message.Contains("EVTX", StringComparison.Ordinal)))
                        return false;
                }
            }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(250));
    }

    private static byte[] Apply(Damage[] damage, bool fixChecksums)
    {
        var file = (byte[])Original.Clone();
        foreach (var d in damage)
        {
            switch (d.Kind)
            {
                case 0:
                    file[d.Position] = d.Value;
                    break;
                case 1:
                    file[d.Position] ^= (byte)(1 << (d.Value % 8));
                    break;
                default:
                    Array.Clear(file, d.Position, Math.Min(d.Value * 16, file.Length - d.Position));
                    break;
            }
        }
        if (fixChecksums)
            EvtxDamage.FixChecksums(file);
        return file;
    }
}
