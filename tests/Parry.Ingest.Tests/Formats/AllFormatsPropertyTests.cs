using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Tests.Support;

namespace Parry.Ingest.Tests.Formats;

public class AllFormatsPropertyTests
{
    private static readonly IReadOnlyList<IInputFormat> Formats = BuiltInFormats.Create(new FixedClock(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    // Bytes biased towards every format's structure, so garbage reaches deep into the parsers.
    private static readonly Gen<byte[]> Garbage = Gen.Choose(0, 500).SelectMany(n => Gen.ArrayOf(Gen.OneOf(
        Gen.Elements("{\"Records\":["u8.ToArray(), "{\"ts\":1,\"uid\":\""u8.ToArray(), "#separator \\x09\n#fields\tts\ta\n"u8.ToArray(),
            "#types\ttime\tset[string]\n"u8.ToArray(), "Mar 10 14:22:01 h sshd[1]: "u8.ToArray(), "<34>1 "u8.ToArray(),
            " [10/Oct/2000:13:55:36 -0700] \""u8.ToArray(), "\t"u8.ToArray(), "\n"u8.ToArray(), "\"},"u8.ToArray(),
            "Failed password for "u8.ToArray(), " port "u8.ToArray(), "\\"u8.ToArray(), "{\"\\n"u8.ToArray(), "\"eventid\":\"\\t"u8.ToArray(),
            new byte[] { 0xff }, new byte[] { 0xed, 0xa0, 0x80 }),
        Gen.Choose(0, 255).Select(b => new[] { (byte)b })), n).Select(parts => parts.SelectMany(p => p).ToArray()));

    [Fact]
    public void Random_input_never_throws_out_of_any_decoder_and_every_error_is_located()
    {
        Prop.ForAll(Garbage.ToArbitrary(), Gen.Choose(1, 13).ToArbitrary(), (bytes, chunk) =>
        {
            foreach (var format in Formats)
            {
                var (events, errors) = Decoding.Run(format, bytes, Decoding.Fields("a", "ts", "message"), "g.log", maxRecordBytes: 80, chunks: () => chunk);
                if (events.Any(e => e.Origin.Path != "g.log" || e.Origin.Record < 1) || errors.All.Any(e => e.Path != "g.log"))
                    return false;
                format.Probe(bytes, "g.log");
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_small_file_without_a_final_line_end_is_still_recognised()
    {
        var detector = new FormatDetector(Formats);
        detector.Detect(Encoding.UTF8.GetBytes("Mar 10 14:22:01 web01 sshd[1]: x"), "auth.log").Format!.Name.ShouldBe("syslog");
        detector.Detect(Encoding.UTF8.GetBytes("203.0.113.5 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 2326"), "a").Format!.Name.ShouldBe("webserver");
    }
}
