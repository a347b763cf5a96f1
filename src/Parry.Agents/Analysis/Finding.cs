using Parry.Agents.Attack;

namespace Parry.Agents.Analysis;

/// <summary>
/// One thing recognised in a tool call: which recogniser (a catalogue tool id, a behaviour, a sensitive file with
/// <c>:read</c> or <c>:write</c>, a code indicator), its category, the ATT&amp;CK techniques it stands for, and the text
/// that shows it (bounded).
/// </summary>
public sealed record Finding(string Id, string Category, bool Offensive, IReadOnlyList<AttackMapping> Attack, string Evidence);
