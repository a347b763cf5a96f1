namespace Parry.Gateway.JsonRpc;

/// <summary>Where a member's value lies inside the message bytes (the raw JSON token or container).</summary>
internal readonly record struct Slice(int Start, int Length)
{
    public bool IsEmpty => Length == 0;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> message) => message.Slice(Start, Length);
}
