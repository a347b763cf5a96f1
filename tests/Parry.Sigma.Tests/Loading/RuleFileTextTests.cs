using System.Text;
using Parry.Sigma.Loading;

namespace Parry.Sigma.Tests.Loading;

/// <summary>Rule files read through the pooled reader give exactly the text <see cref="File.ReadAllText(string)"/>
/// gives: byte-order marks of every encoding it detects, invalid UTF-8, empty and tiny files, and a file larger
/// than the first buffer.</summary>
public class RuleFileTextTests
{
    public static TheoryData<byte[]> Files() => new()
    {
        Array.Empty<byte>(),
        new byte[] { (byte)'a' },
        new byte[] { 0xEF, 0xBB },
        new byte[] { 0xFF, 0xFE },
        new byte[] { 0xFF, 0xFE, 0x00 },
        Encoding.UTF8.GetBytes("title: plain\ndetection: {}\n"),
        WithMark(Encoding.UTF8, "title: ümlaut – dash\n"),
        WithMark(Encoding.Unicode, "title: utf-16 le\n"),
        WithMark(Encoding.BigEndianUnicode, "title: utf-16 be\n"),
        WithMark(Encoding.UTF32, "title: utf-32 le\n"),
        WithMark(new UTF32Encoding(bigEndian: true, byteOrderMark: true), "title: utf-32 be\n"),
        new byte[] { (byte)'a', 0xC3, (byte)'b', 0xFF, 0xE2, 0x82, (byte)'\n', 0xF0, 0x9F, 0x98 },
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("- 'value ünïcode * ? \\\\'\n", 20_000))),
    };

    private static byte[] WithMark(Encoding encoding, string text) => [.. encoding.Preamble, .. encoding.GetBytes(text)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_what_File_ReadAllText_reads(byte[] bytes)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            RuleFileText.Read(path).ShouldBe(File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_fails_as_File_ReadAllText_does()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parry-missing-{Guid.NewGuid():N}.yml");
        var expected = Should.Throw<FileNotFoundException>(() => File.ReadAllText(path));
        Should.Throw<FileNotFoundException>(() => RuleFileText.Read(path)).Message.ShouldBe(expected.Message);
    }
}
