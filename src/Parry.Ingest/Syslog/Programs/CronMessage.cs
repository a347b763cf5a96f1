using Parry.Core.Events;
using Parry.Ingest.Text;
using static Parry.Ingest.Syslog.Programs.AuthFields;

namespace Parry.Ingest.Syslog.Programs;

/// <summary>
/// cron's and crontab's lines: <c>(root) CMD (cd / &amp;&amp; run-parts --report /etc/cron.hourly)</c>,
/// <c>(alice) REPLACE (alice)</c>, <c>(alice) BEGIN EDIT (alice)</c>, <c>(*system*) RELOAD (/etc/crontab)</c>, and PAM
/// lines. <c>user</c> is the crontab's owner; <c>action</c> cron's word (<c>CMD</c>, <c>REPLACE</c>, …);
/// <c>command</c> what CMD ran, or the argument of the other actions.
/// </summary>
internal static class CronMessage
{
    public static bool IsCron(ReadOnlySpan<char> program) =>
        program is "CRON" or "cron" or "crond" or "crontab" or "anacron";

    public static void Write(ReadOnlySpan<char> message, EventBuilder builder)
    {
        if (PamMessage.TryWrite(message, builder))
            return;
        if (!message.StartsWith("("))
            return;
        var close = message.IndexOf(") ");
        if (close < 0)
            return;
        builder.Field(User, message[1..close]);
        var rest = message[(close + 2)..];
        var open = rest.IndexOf(" (");
        var action = open >= 0 ? rest[..open] : rest;
        builder.Field(EventAction, action);
        if (open >= 0 && rest.EndsWith(")"))
            builder.Field(Command, rest[(open + 2)..^1]);
    }
}
