using Parry.Core.Events;
using Parry.Ingest.Text;
using static Parry.Ingest.Syslog.Programs.AuthFields;

namespace Parry.Ingest.Syslog.Programs;

/// <summary>
/// PAM module lines, whatever program logs them: <c>pam_unix(sshd:session): session opened for user alice(uid=1000)
/// by (uid=0)</c>, <c>… session closed for user alice</c>, <c>pam_unix(sudo:auth): authentication failure;
/// logname=alice uid=1000 euid=0 tty=/dev/pts/0 ruser=alice rhost=  user=root</c>.
/// </summary>
internal static class PamMessage
{
    public static bool TryWrite(ReadOnlySpan<char> message, EventBuilder builder)
    {
        if (!message.StartsWith("pam_"))
            return false;
        var open = message.IndexOf('(');
        var close = message.IndexOf("): ");
        if (open < 0 || close < open)
            return false;
        var module = message[..open];
        var context = message[(open + 1)..close];
        var text = message[(close + 3)..];
        builder.Field(PamModule, module);
        var colon = context.IndexOf(':');
        builder.Field(PamService, colon >= 0 ? context[..colon] : context);
        if (colon >= 0)
            builder.Field(PamType, context[(colon + 1)..]);

        if (text.StartsWith("session opened for user "))
        {
            var rest = text["session opened for user ".Length..];
            var by = rest.IndexOf(" by ");
            builder.Field(EventAction, "session_opened");
            builder.Field(Outcome, Success);
            builder.Field(User, MessageText.WithoutUid(by >= 0 ? rest[..by] : rest));
            if (by >= 0 && MessageText.WithoutUid(rest[(by + 4)..]) is { IsEmpty: false } caller)
                builder.Field(SourceUser, caller);
        }
        else if (text.StartsWith("session closed for user "))
        {
            builder.Field(EventAction, "session_closed");
            builder.Field(User, MessageText.WithoutUid(text["session closed for user ".Length..]));
        }
        else if (text.StartsWith("authentication failure;"))
        {
            builder.Field(EventAction, "auth_failure");
            builder.Field(Outcome, Failure);
            WriteKeyValues(text["authentication failure;".Length..], builder);
        }
        else if (text.StartsWith("check pass; user unknown"))
        {
            builder.Field(EventAction, "auth_failure");
            builder.Field(Outcome, Failure);
            builder.Field(Reason, "user unknown");
        }
        return true;
    }

    // " logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.5  user=root": empty values are left out.
    private static void WriteKeyValues(ReadOnlySpan<char> text, EventBuilder builder)
    {
        foreach (var range in text.Split(' '))
        {
            var pair = text[range];
            var eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1)
                continue;
            var key = pair[..eq];
            var value = pair[(eq + 1)..];
            switch (key)
            {
                case "logname": builder.Field("logname", value); break;
                case "uid": builder.NumberField("uid", value); break;
                case "euid": builder.NumberField("euid", value); break;
                case "tty": builder.Field(Tty, value); break;
                case "ruser": builder.Field("ruser", value); break;
                case "user": builder.Field(User, value); break;
                case "rhost":
                    builder.Field("rhost", value);
                    if (MessageText.LooksLikeAddress(value))
                        builder.Field(SourceIp, value);
                    break;
            }
        }
    }
}
