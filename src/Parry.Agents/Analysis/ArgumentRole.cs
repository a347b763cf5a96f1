namespace Parry.Agents.Analysis;

/// <summary>What an argument holds, judged from its name (and the tool's): how it is analysed.</summary>
internal enum ArgumentRole : byte
{
    Generic,
    Shell,
    Url,
    Sql,
    Path,
    Code,
    Host,
    Port,
    Method,
    Body,
    Headers,
}
