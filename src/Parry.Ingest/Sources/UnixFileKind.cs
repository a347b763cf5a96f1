using System.Runtime.InteropServices;

namespace Parry.Ingest.Sources;

/// <summary>
/// Tells regular files from FIFOs, sockets and devices on Unix, which .NET's file APIs do not: opening a FIFO found
/// in a folder would block the walk forever. Uses the runtime's own native shim (libSystem.Native), whose file-status
/// record starts with two stable 32-bit fields, flags then mode; when the shim cannot be called every entry counts as
/// regular.
/// </summary>
internal static partial class UnixFileKind
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>Whether <paramref name="path"/> (links followed) is a regular file or a directory; false for FIFOs,
    /// sockets and devices.</summary>
    public static bool IsRegularOrDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            return true;
        try
        {
            if (Stat(path, out var status) != 0)
                return true; // let the open report the real error
            var type = status.Mode & TypeMask;
            return type is Regular or Directory;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }

    // Generously sized: only the first two fields are read, and the runtime may add fields at the end.
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Stat(string path, out NativeFileStatus status);
}
