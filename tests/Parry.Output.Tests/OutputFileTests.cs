namespace Parry.Output.Tests;

public class OutputFileTests
{
    [Fact]
    public void A_report_being_written_can_be_read_at_the_same_time()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parry-output-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = OutputFile.Create(path))
            {
                writer.Write("{\"a\":1}\n"u8);
                writer.Flush();
                // A reader that leaves the writer its write access (as a tailing responder does) is let in; with
                // File.Create's FileShare.None it is refused (on Linux too: .NET takes an exclusive flock then).
                using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var text = new StreamReader(reader);
                text.ReadLine().ShouldBe("{\"a\":1}");
            }
            File.ReadAllText(path).ShouldBe("{\"a\":1}\n");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
