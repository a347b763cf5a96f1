namespace Parry.Agents.Catalogue;

/// <summary>
/// Files whose reading or writing means something: credentials, keys, account databases, start-up files. Paths are
/// compared lower-cased with '\' turned into '/'. <see cref="Contains"/> matches anywhere in the path,
/// <see cref="Names"/> the file name (exactly, or as its ending when the name starts with '.'); a path ending with one
/// of <see cref="Exclude"/> never matches.
/// </summary>
internal sealed record SensitivePath(
    string Id,
    IReadOnlyList<string> Contains,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Exclude,
    Recognition? Read,
    Recognition? Write);
