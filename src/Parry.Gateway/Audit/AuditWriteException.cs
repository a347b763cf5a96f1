namespace Parry.Gateway.Audit;

/// <summary>The audit log could not be written. The gateway denies the call it was about (fail closed).</summary>
public sealed class AuditWriteException(string message, Exception inner) : Exception(message, inner);
