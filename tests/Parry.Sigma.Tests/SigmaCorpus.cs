using Parry.Sigma.Loading;
using Parry.TestSupport;

namespace Parry.Sigma.Tests;

/// <summary>The SigmaHQ rule set, loaded once for the tests that need it.</summary>
internal static class SigmaCorpus
{
    private static readonly Lazy<SigmaLoadResult> Loaded = new(() =>
        SigmaLoader.LoadPaths(Directory.GetDirectories(Corpora.Sigma, "rules*").Order(StringComparer.Ordinal)));

    /// <summary>Every folder <c>rules*</c> of the corpus: 3,780 active rules.</summary>
    public static SigmaLoadResult Rules => Loaded.Value;

    public const int ActiveRules = 3780;
}
