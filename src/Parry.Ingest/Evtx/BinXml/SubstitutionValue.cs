namespace Parry.Ingest.Evtx.BinXml;

/// <summary>One value of a template instance's substitution array: its type and its bytes in the chunk.</summary>
internal readonly record struct SubstitutionValue(byte Type, int Offset, int Length);
