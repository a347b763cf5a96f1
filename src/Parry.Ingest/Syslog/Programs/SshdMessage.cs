using Parry.Core.Events;
using Parry.Ingest.Text;
using static Parry.Ingest.Syslog.Programs.AuthFields;

namespace Parry.Ingest.Syslog.Programs;

/// <summary>
/// OpenSSH server messages (program <c>sshd</c> or, since OpenSSH 9.8, <c>sshd-session</c>): logins accepted and
/// failed, invalid users, connections closed or reset by authenticating users, disconnects, "maximum authentication
/// attempts exceeded", pre-authentication timeouts, PAM lines. Adds <c>action</c>, <c>outcome</c>, <c>user</c>,
/// <c>src_ip</c>, <c>src_port</c>, <c>auth_method</c>, <c>invalid_user</c>, <c>preauth</c> where the line says them.
/// </summary>
internal static class SshdMessage
{
    public static bool IsSshd(ReadOnlySpan<char> program) => program is "sshd" or "sshd-session" or "sshd-auth";

    public static void Write(ReadOnlySpan<char> message, EventBuilder builder)
    {
        if (PamMessage.TryWrite(message, builder))
            return;
        var text = MessageText.TrimPreauth(message, out var preauth);
        if (preauth)
            builder.Field(Preauth, true);
        text = MessageText.TakePrefix(text, "error: ", out _);
        text = MessageText.TakePrefix(text, "fatal: ", out _);

        if (text.StartsWith("Accepted "))
            Login(text["Accepted ".Length..], "accepted", Success, builder);
        else if (text.StartsWith("Failed "))
            Login(text["Failed ".Length..], "failed", Failure, builder);
        else if (text.StartsWith("Postponed "))
            Login(text["Postponed ".Length..], "postponed", null, builder);
        else if (text.StartsWith("Invalid user "))
            UserFromAddress(text["Invalid user ".Length..], "invalid_user", invalid: true, builder);
        else if (text.StartsWith("maximum authentication attempts exceeded for "))
            ForUserFrom(text["maximum authentication attempts exceeded for ".Length..], "max_auth_exceeded", Failure, builder);
        else if (text.StartsWith("Connection closed by "))
            ByUserAddress(text["Connection closed by ".Length..], "connection_closed", builder);
        else if (text.StartsWith("Connection reset by "))
            ByUserAddress(text["Connection reset by ".Length..], "connection_reset", builder);
        else if (text.StartsWith("Disconnected from "))
            ByUserAddress(text["Disconnected from ".Length..], "disconnected", builder);
        else if (text.StartsWith("Disconnecting "))
            Disconnecting(text["Disconnecting ".Length..], builder);
        else if (text.StartsWith("Received disconnect from "))
            ByUserAddress(text["Received disconnect from ".Length..], "received_disconnect", builder);
        else if (text.StartsWith("Timeout before authentication for "))
            Address(text["Timeout before authentication for ".Length..], "preauth_timeout", Failure, builder);
        else if (text.StartsWith("Did not receive identification string from "))
            Address(text["Did not receive identification string from ".Length..], "no_identification", Failure, builder);
        else if (text.StartsWith("banner exchange: Connection from "))
            Address(text["banner exchange: Connection from ".Length..], "bad_banner", Failure, builder);
        else if (text.StartsWith("Unable to negotiate with "))
            Address(text["Unable to negotiate with ".Length..], "negotiation_failed", Failure, builder);
        else if (text.StartsWith("Connection from "))
            Address(text["Connection from ".Length..], "connection", null, builder);
        else if (text.StartsWith("User ") && text.IndexOf(" not allowed because ") > 0)
            NotAllowed(text["User ".Length..], builder);
        else if (text.StartsWith("PAM ") && text.IndexOf("more authentication failure") > 0)
            PamSummary(text, builder);
    }

    // "password for [invalid user ]alice from 203.0.113.5 port 52144 ssh2[: RSA SHA256:…]"
    private static void Login(ReadOnlySpan<char> text, string action, string? outcome, EventBuilder builder)
    {
        var space = text.IndexOf(" for ");
        if (space <= 0)
            return;
        builder.Field(EventAction, action);
        if (outcome is not null)
            builder.Field(Outcome, outcome);
        builder.Field(AuthMethod, text[..space]);
        var rest = ForUserFrom(text[(space + 5)..], builder);
        rest = rest.TrimStart(' ');
        if (rest.IsEmpty)
            return;
        var colon = rest.IndexOf(": ");
        builder.Field(Protocol, colon >= 0 ? rest[..colon] : rest);
        if (colon < 0)
            return;
        var key = rest[(colon + 2)..];
        var keySpace = key.IndexOf(' ');
        if (keySpace > 0)
        {
            builder.Field(KeyType, key[..keySpace]);
            builder.Field(KeyFingerprint, key[(keySpace + 1)..]);
        }
    }

    private static void ForUserFrom(ReadOnlySpan<char> text, string action, string outcome, EventBuilder builder)
    {
        builder.Field(EventAction, action);
        builder.Field(Outcome, outcome);
        var rest = ForUserFrom(text, builder).TrimStart(' ');
        if (!rest.IsEmpty)
            builder.Field(Protocol, rest);
    }

    // "[invalid user ]USER from ADDRESS port N" → the text after the port. User names may hold spaces (attackers
    // send any), so the last " from " splits.
    private static ReadOnlySpan<char> ForUserFrom(ReadOnlySpan<char> text, EventBuilder builder, bool invalid = false)
    {
        text = MessageText.TakePrefix(text, "invalid user ", out var saysInvalid);
        invalid |= saysInvalid;
        var from = text.LastIndexOf(" from ");
        if (from < 0)
            return default;
        if (from > 0)
            builder.Field(User, text[..from]);
        if (invalid)
            builder.Field(InvalidUser, true);
        var after = text[(from + 6)..];
        if (MessageText.TrySplitAddressPort(after, out _, out var address, out var port, out var rest))
        {
            builder.Field(SourceIp, address);
            builder.NumberField(SourcePort, port);
            return rest;
        }
        var space = after.IndexOf(' ');
        var lone = space < 0 ? after : after[..space];
        if (MessageText.LooksLikeAddress(lone))
            builder.Field(SourceIp, lone);
        return space < 0 ? default : after[space..];
    }

    // "USER from ADDRESS[ port N]" (Invalid user …)
    private static void UserFromAddress(ReadOnlySpan<char> text, string action, bool invalid, EventBuilder builder)
    {
        builder.Field(EventAction, action);
        builder.Field(Outcome, Failure);
        ForUserFrom(text, builder, invalid);
    }

    // "[authenticating user |invalid user |user ]USER ADDRESS port N[rest]" or "ADDRESS port N[rest]"
    private static void ByUserAddress(ReadOnlySpan<char> text, string action, EventBuilder builder)
    {
        builder.Field(EventAction, action);
        if (!MessageText.TrySplitAddressPort(text, out var before, out var address, out var port, out var rest))
            return;
        before = MessageText.TakePrefix(before, "authenticating user ", out var authenticating);
        before = MessageText.TakePrefix(before, "invalid user ", out var invalid);
        before = MessageText.TakePrefix(before, "user ", out _);
        if (!before.IsEmpty)
            builder.Field(User, before);
        if (invalid)
            builder.Field(InvalidUser, true);
        if (authenticating || invalid)
            builder.Field(Outcome, Failure);
        builder.Field(SourceIp, address);
        builder.NumberField(SourcePort, port);
        if (rest.StartsWith(":") && rest.IndexOf(": ") is var reason and > 0)
            builder.Field(Reason, rest[(reason + 2)..]);
    }

    // "authenticating user root 203.0.113.5 port 41234: Too many authentication failures"
    private static void Disconnecting(ReadOnlySpan<char> text, EventBuilder builder)
    {
        var tooMany = text.IndexOf("Too many authentication failures") >= 0;
        ByUserAddress(text, tooMany ? "max_auth_exceeded" : "disconnecting", builder);
        if (tooMany && !text.StartsWith("authenticating user ") && !text.StartsWith("invalid user "))
            builder.Field(Outcome, Failure);
    }

    private static void Address(ReadOnlySpan<char> text, string action, string? outcome, EventBuilder builder)
    {
        builder.Field(EventAction, action);
        if (outcome is not null)
            builder.Field(Outcome, outcome);
        if (MessageText.TrySplitAddressPort(text, out _, out var address, out var port, out var rest))
        {
            builder.Field(SourceIp, address);
            builder.NumberField(SourcePort, port);
            if (rest.StartsWith(": "))
                builder.Field(Reason, rest[2..]);
            return;
        }
        var space = text.IndexOf(' ');
        var lone = space < 0 ? text : text[..space];
        if (MessageText.LooksLikeAddress(lone))
            builder.Field(SourceIp, lone);
    }

    // "root from 203.0.113.5 not allowed because not listed in AllowUsers"
    private static void NotAllowed(ReadOnlySpan<char> text, EventBuilder builder)
    {
        var because = text.IndexOf(" not allowed because ");
        var head = text[..because];
        builder.Field(EventAction, "user_not_allowed");
        builder.Field(Outcome, Failure);
        var from = head.LastIndexOf(" from ");
        if (from > 0)
        {
            builder.Field(User, head[..from]);
            var address = head[(from + 6)..];
            if (MessageText.LooksLikeAddress(address))
                builder.Field(SourceIp, address);
        }
        builder.Field(Reason, text[(because + " not allowed because ".Length)..]);
    }

    // "PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.5  user=root"
    private static void PamSummary(ReadOnlySpan<char> text, EventBuilder builder)
    {
        builder.Field(EventAction, "auth_failures");
        builder.Field(Outcome, Failure);
        var number = text[4..];
        var space = number.IndexOf(' ');
        if (space > 0)
            builder.NumberField(Attempts, number[..space]);
        foreach (var key in (ReadOnlySpan<string>)["rhost=", "user="])
        {
            var at = text.IndexOf(key);
            if (at < 0)
                continue;
            var value = text[(at + key.Length)..];
            var end = value.IndexOf(' ');
            value = end < 0 ? value : value[..end];
            if (value.IsEmpty)
                continue;
            if (key == "rhost=")
            {
                if (MessageText.LooksLikeAddress(value))
                    builder.Field(SourceIp, value);
            }
            else
            {
                builder.Field(User, value);
            }
        }
    }
}
