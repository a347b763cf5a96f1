using System.Reflection;
using Parry.Sigma.Loading;

namespace Parry.Detection.Rules;

/// <summary>
/// Parry's own rule pack: the Sigma YAML under <c>rules/</c> in the repository, embedded in this assembly at build
/// time (regression data excluded) and loaded by default alongside any rules a user adds.
/// </summary>
public static class DefaultRulePack
{
    private const string Prefix = "parry-rules/";

    /// <summary>The pack's files, named <c>parry:rules/…</c> in messages.</summary>
    public static IReadOnlyList<SigmaSource> Sources()
    {
        var assembly = typeof(DefaultRulePack).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SigmaSource("parry:rules/" + n[Prefix.Length..], () => Read(assembly, n)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded rule {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
