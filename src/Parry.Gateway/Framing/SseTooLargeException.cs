namespace Parry.Gateway.Framing;

public sealed class SseTooLargeException(int limit)
    : IOException($"a server-sent event exceeds the limit of {limit} bytes (--max-message-bytes)");
