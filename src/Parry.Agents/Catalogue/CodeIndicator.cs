namespace Parry.Agents.Catalogue;

/// <summary>Text that marks code as offensive: one of <see cref="Any"/> must occur, and one of <see cref="With"/> too
/// when it is not empty. Compared case-sensitively, as code is written.</summary>
internal sealed record CodeIndicator(Recognition Recognition, IReadOnlyList<string> Any, IReadOnlyList<string> With);
