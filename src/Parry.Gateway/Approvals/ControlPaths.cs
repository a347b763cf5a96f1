namespace Parry.Gateway.Approvals;

/// <summary>
/// Where gateways put their control sockets by default: <c>$XDG_RUNTIME_DIR/parry/</c>, else
/// <c>$TMPDIR/parry-$USER/</c>; a folder only its owner may enter (0700). Each gateway's socket is
/// <c>gateway-PID.sock</c>, so several gateways (one per stdio server) can run at once and
/// <c>parry approvals</c> finds them all.
/// </summary>
public static class ControlPaths
{
    public const string SocketPattern = "gateway-*.sock";

    public static string DefaultDirectory
    {
        get
        {
            var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
            return !string.IsNullOrEmpty(runtime) && Directory.Exists(runtime)
                ? Path.Combine(runtime, "parry")
                : Path.Combine(Path.GetTempPath(), "parry-" + Environment.UserName);
        }
    }

    public static string DefaultSocket => Path.Combine(DefaultDirectory, $"gateway-{Environment.ProcessId}.sock");

    /// <summary>The sockets of running (or crashed) gateways in the default folder, newest first.</summary>
    public static IReadOnlyList<string> FindSockets()
    {
        var directory = DefaultDirectory;
        if (!Directory.Exists(directory))
            return [];
        return [.. new DirectoryInfo(directory).GetFiles(SocketPattern).OrderByDescending(f => f.LastWriteTimeUtc).Select(f => f.FullName)];
    }

    /// <summary>Creates the socket's folder owner-only, and refuses a folder that others may write to.</summary>
    public static void PrepareDirectory(string socketPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(socketPath)) ?? ".";
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        if (!Directory.Exists(directory))
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var mode = File.GetUnixFileMode(directory);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0 && (mode & UnixFileMode.StickyBit) == 0)
            throw new InvalidOperationException($"the control socket's folder {directory} is writable by others; use --control with a private folder");
    }
}
