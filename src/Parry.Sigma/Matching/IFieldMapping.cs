namespace Parry.Sigma.Matching;

/// <summary>
/// Maps a Sigma field name to the event field name(s) it means for one log source (Sigma's <c>Image</c> is
/// <c>NewProcessName</c> in Security 4688 events). Several names: the Sigma field matches if any does. None: the
/// source has no such field (the field is treated as missing).
/// </summary>
public interface IFieldMapping
{
    IReadOnlyList<string> Map(string sigmaField);
}
