namespace Parry.Gateway.Framing;

internal enum LineReadKind : byte
{
    /// <summary>One complete message.</summary>
    Line,
    /// <summary>A message longer than the cap: its bytes were dropped, only a prefix kept.</summary>
    TooLarge,
    /// <summary>The stream ended.</summary>
    End,
}
