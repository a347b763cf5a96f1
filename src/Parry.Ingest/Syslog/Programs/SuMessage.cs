using Parry.Core.Events;
using Parry.Ingest.Text;
using static Parry.Ingest.Syslog.Programs.AuthFields;

namespace Parry.Ingest.Syslog.Programs;

/// <summary>
/// su's log lines in their common shapes: <c>(to root) alice on pts/0</c>, <c>FAILED SU (to root) alice on pts/0</c>,
/// <c>Successful su for root by alice</c>, <c>FAILED su for root by alice</c>, <c>+ pts/0 alice:root</c>, and PAM
/// lines. <c>user</c> is the account switched to, <c>src_user</c> the caller.
/// </summary>
internal static class SuMessage
{
    public static void Write(ReadOnlySpan<char> message, EventBuilder builder)
    {
        if (PamMessage.TryWrite(message, builder))
            return;
        var text = message;
        var failed = text.StartsWith("FAILED SU ") || text.StartsWith("FAILED su ") || text.StartsWith("- ");
        if (text.StartsWith("FAILED SU "))
            text = text["FAILED SU ".Length..];
        if (text.StartsWith("(to "))
        {
            var close = text.IndexOf(") ");
            if (close < 0)
                return;
            Outcome(failed, builder);
            builder.Field(User, text[4..close]);
            var rest = text[(close + 2)..];
            var on = rest.IndexOf(" on ");
            builder.Field(SourceUser, on >= 0 ? rest[..on] : rest);
            if (on >= 0)
                builder.Field(Tty, rest[(on + 4)..]);
            return;
        }
        var forBy = text.StartsWith("Successful su for ") ? "Successful su for ".Length
            : text.StartsWith("FAILED su for ") ? "FAILED su for ".Length : -1;
        if (forBy > 0)
        {
            var rest = text[forBy..];
            var by = rest.IndexOf(" by ");
            if (by < 0)
                return;
            Outcome(failed, builder);
            builder.Field(User, rest[..by]);
            builder.Field(SourceUser, rest[(by + 4)..]);
            return;
        }
        if (text.Length > 2 && text[0] is '+' or '-' && text[1] == ' ')
        {
            // "+ pts/0 alice:root"
            var rest = text[2..];
            var space = rest.IndexOf(' ');
            var pair = space >= 0 ? rest[(space + 1)..] : default;
            var colon = pair.IndexOf(':');
            if (space < 0 || colon <= 0)
                return;
            Outcome(failed, builder);
            builder.Field(Tty, rest[..space]);
            builder.Field(SourceUser, pair[..colon]);
            builder.Field(User, pair[(colon + 1)..]);
        }
    }

    private static void Outcome(bool failed, EventBuilder builder)
    {
        builder.Field(EventAction, "su");
        builder.Field(AuthFields.Outcome, failed ? Failure : Success);
    }
}
