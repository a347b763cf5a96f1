namespace Parry.Gateway.Framing;

/// <summary>
/// One result of <see cref="LineReader.Read"/>. <see cref="Bytes"/> is the message (for
/// <see cref="LineReadKind.Line"/>) or its first bytes (for <see cref="LineReadKind.TooLarge"/>); it stays valid only
/// until the next read.
/// </summary>
internal readonly record struct LineRead(LineReadKind Kind, ReadOnlyMemory<byte> Bytes, long Length);
