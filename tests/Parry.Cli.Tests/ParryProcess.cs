using Parry.TestSupport;

namespace Parry.Cli.Tests;

/// <summary>Runs the real <c>parry</c> executable (built next to the tests, or the native build <c>PARRY_CLI</c> names) as a child process and captures what
/// it prints, the way a user or an outside check calls it.</summary>
internal static class ParryProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "parry.dll");

    public static Task<ChildProcess.Result> RunAsync(params string[] args) => RunInAsync(null, args);

    public static Task<ChildProcess.Result> RunInAsync(string? workingDirectory, params string[] args) =>
        ChildProcess.RunAsync(ParryCommand.Program, ParryCommand.Arguments(() => Dll, args), TimeSpan.FromMinutes(5), workingDirectory);
}
