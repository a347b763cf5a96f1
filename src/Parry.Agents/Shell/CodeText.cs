namespace Parry.Agents.Shell;

/// <summary>Code handed to an interpreter on its command line (<c>python -c</c>, <c>perl -e</c>), in a here-document,
/// or written by a tool call; <see cref="Depth"/> is the nesting it was found at.</summary>
public readonly record struct CodeText(string Language, string Text, int Depth);
