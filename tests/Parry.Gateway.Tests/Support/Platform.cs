// The gateway's tests use Unix sockets, file modes and POSIX processes.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
