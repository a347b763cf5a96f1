using Parry.Agents.Attack;

namespace Parry.Agents.Catalogue;

/// <summary>
/// A kind of thing a tool call can do (<c>network-scan</c>, <c>reverse-shell</c>, <c>discovery</c> …): the values of
/// the <c>command.categories</c> field. <see cref="Offensive"/> is false for what is worth recording but is not an
/// attack on its own.
/// </summary>
public sealed record Category(string Id, bool Offensive, IReadOnlyList<AttackMapping> Attack, string Description);
