namespace Parry.Agents.Shell;

/// <summary>A behaviour the expansion itself recognised while unwrapping (an encoded PowerShell command, base64 text
/// decoded into a shell), with the text that shows it.</summary>
public readonly record struct BehaviourNote(string Id, string Evidence);
