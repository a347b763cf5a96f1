using Parry.Detection.Reporting;
using Parry.Gateway.Engine;

namespace Parry.Gateway.Hosting;

/// <summary>
/// What <c>parry gateway</c> was asked to do. Either <see cref="Command"/> (stdio: start that server) or
/// <see cref="Listen"/> with <see cref="Upstream"/> (streamable HTTP).
/// </summary>
public sealed record GatewayOptions
{
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary><c>127.0.0.1:PORT</c> (or <c>[::1]:PORT</c>) to listen on for streamable HTTP.</summary>
    public string? Listen { get; init; }

    /// <summary>The real server's MCP endpoint URL; the gateway serves the same path.</summary>
    public string? Upstream { get; init; }

    public string? PolicyPath { get; init; }

    public string? AuditPath { get; init; }

    /// <summary>fsync the audit log after every record (slower; survives a machine crash, not only a process crash).</summary>
    public bool AuditFsync { get; init; }

    /// <summary>The control socket; default <see cref="Approvals.ControlPaths.DefaultSocket"/>.</summary>
    public string? ControlPath { get; init; }

    public int MaxMessageBytes { get; init; } = GatewayLimits.DefaultMaxMessageBytes;

    /// <summary>Overrides the policy's <c>call_timeout</c>.</summary>
    public TimeSpan? CallTimeout { get; init; }

    /// <summary>The name tool rules and the audit use for the server; default its <c>serverInfo.name</c>.</summary>
    public string? ServerName { get; init; }

    /// <summary>Parry's detection engine (analysis, rules, correlations, behaviour) beside the built-in inspector;
    /// null: the built-in inspector only.</summary>
    public GatewayDetection? Detection { get; init; }

    /// <summary>Where the engine's detections and campaigns go (<c>--detections</c>); completed when the gateway
    /// stops. The caller opens and disposes it.</summary>
    public IHuntSink? DetectionSink { get; init; }

    /// <summary>Timers and bounds of the engine; the session-hold level comes from the policy.</summary>
    public DetectionInspectorOptions DetectionOptions { get; init; } = new();
}
