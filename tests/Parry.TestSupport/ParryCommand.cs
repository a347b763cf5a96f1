namespace Parry.TestSupport;

/// <summary>How the process-level tests start parry: the build's <c>parry.dll</c> under <c>dotnet</c>, or the
/// executable <c>PARRY_CLI</c> names. scripts/test.sh runs the CLI and gateway tests a second time with
/// <c>PARRY_CLI</c> set to the native (NativeAOT) build, which the benchmarks measure, so a feature that works
/// under the JIT but not compiled ahead of time (reflection, dynamic code) fails a test.</summary>
public static class ParryCommand
{
    /// <summary>The native executable under test, or null to run the dll under dotnet.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("PARRY_CLI") is { Length: > 0 } path
        ? File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"PARRY_CLI names {path}, which does not exist", path)
        : null;

    /// <summary>The dotnet host that runs the tests (or the one on the PATH).</summary>
    public static string Dotnet => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The program to start.</summary>
    public static string Program => Executable ?? Dotnet;

    /// <summary>The program's arguments: <paramref name="dll"/> (asked for only when it runs under dotnet) first.</summary>
    public static string[] Arguments(Func<string> dll, IEnumerable<string> args) => Executable is null ? [dll(), .. args] : [.. args];
}
