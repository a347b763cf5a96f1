namespace Parry.TestSupport;

/// <summary>Where the shared, real-data corpora live: <c>../shared</c> beside the repository root.</summary>
public static class Corpora
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Sigma => Path.Combine(Shared, "corpora", "sigma");

    public static string SigmaSpec => Path.Combine(Shared, "corpora", "sigma-spec");

    public static string SigmaRegressionData => Path.Combine(Sigma, "regression_data");

    public static string EvtxAttackSamples => Path.Combine(Shared, "corpora", "evtx-attack-samples");

    public static string AgentTraces => Path.Combine(Shared, "corpora", "agent-traces", "swe-agent-demos");

    public static string Specs => Path.Combine(Shared, "specs");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parry.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Parry.slnx not found above the test binaries.");
    }
}
