namespace Parry.Gateway.Approvals;

/// <summary>What a gateway tells about itself on its control endpoint.</summary>
public sealed record ControlInfo(int Pid, string Transport, string Server, string Policy);
