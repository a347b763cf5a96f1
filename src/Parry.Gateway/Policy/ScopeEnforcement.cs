namespace Parry.Gateway.Policy;

/// <summary>Which calls' targets are checked against the scope.</summary>
public enum ScopeEnforcement : byte
{
    /// <summary>Every target in every call (the default: the built-in inspector cannot tell offensive calls apart).</summary>
    EveryTarget,
    /// <summary>Only calls an inspector reports as offensive (an offensive action, decision point or detection).</summary>
    OffensiveOnly,
}
