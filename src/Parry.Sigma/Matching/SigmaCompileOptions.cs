namespace Parry.Sigma.Matching;

/// <summary>How rules compile. Immutable.</summary>
public sealed record SigmaCompileOptions
{
    public static readonly SigmaCompileOptions Default = new();

    /// <summary>Match timeout for the few regular expressions the linear-time engine cannot run (backreferences,
    /// lookarounds); a timeout is reported against the rule, never hangs the engine.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
}
