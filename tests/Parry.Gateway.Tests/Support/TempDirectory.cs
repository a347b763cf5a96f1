namespace Parry.Gateway.Tests.Support;

/// <summary>A private folder for one test's policy, audit log, call log and control socket.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        // Short: Unix socket paths are limited to about 100 characters.
        Path = System.IO.Path.Combine("/tmp", "pgt-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process of the test may still hold a file; the folder is in /tmp.
        }
    }
}
