using Parry.Sigma.Loading;

namespace Parry.Detection.Rules;

/// <summary>Loads the rules a hunt runs: Parry's pack (unless left out) and the user's files and folders, in one
/// set so correlations and filters resolve across both.</summary>
public static class RuleSetLoader
{
    public static SigmaLoadResult Load(IEnumerable<string> userPaths, bool includeDefaultPack, SigmaLoadOptions options)
    {
        var sources = new List<SigmaSource>();
        if (includeDefaultPack)
            sources.AddRange(DefaultRulePack.Sources());
        foreach (var path in userPaths)
        {
            if (Directory.Exists(path))
            {
                sources.AddRange(SigmaLoader.RuleFilesIn(path).Select(f => new SigmaSource(f, () => RuleFileText.Read(f))));
            }
            else
            {
                sources.Add(new SigmaSource(path, () => RuleFileText.Read(path)));
            }
        }
        return SigmaLoader.Load(sources, options);
    }
}
