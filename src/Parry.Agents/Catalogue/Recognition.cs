using Parry.Agents.Attack;

namespace Parry.Agents.Catalogue;

/// <summary>
/// Something the catalogue knows how to recognise — a tool, a behaviour, a sensitive file, a code indicator — with the
/// category it belongs to and the ATT&amp;CK techniques it stands for.
/// </summary>
public sealed record Recognition(string Id, Category Category, IReadOnlyList<AttackMapping> Attack);
