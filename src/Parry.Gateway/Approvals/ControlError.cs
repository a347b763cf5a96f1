namespace Parry.Gateway.Approvals;

public sealed record ControlError(string Error);
