namespace Parry.Gateway.Hosting;

/// <summary>Command-line limits and names that apply on top of the policy.</summary>
internal sealed record GatewayLimits(int MaxMessageBytes, TimeSpan? CallTimeout, string? ServerName)
{
    public const int DefaultMaxMessageBytes = 8 * 1024 * 1024;

    public static GatewayLimits Default { get; } = new(DefaultMaxMessageBytes, null, null);
}
