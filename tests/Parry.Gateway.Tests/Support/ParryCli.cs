using Parry.TestSupport;

namespace Parry.Gateway.Tests.Support;

/// <summary>Runs the real <c>parry</c> executable for one command (approvals, hunt) and captures what it prints.</summary>
internal static class ParryCli
{
    public static Task<ChildProcess.Result> RunAsync(params string[] args) =>
        ChildProcess.RunAsync(TestPaths.Parry, TestPaths.ParryArguments(args), TimeSpan.FromMinutes(2));
}
