using Parry.Core.Events;
using Parry.Ingest.Text;
using static Parry.Ingest.Syslog.Programs.AuthFields;

namespace Parry.Ingest.Syslog.Programs;

/// <summary>
/// sudo's log lines: <c>alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id</c> and the failures
/// (<c>alice : 3 incorrect password attempts ; …</c>, <c>bob : user NOT in sudoers ; …</c>, <c>command not allowed</c>),
/// plus PAM lines. sudo's keys are kept as sudo writes them (<c>USER</c> is the target user, as SigmaHQ's rules
/// expect); the caller is <c>src_user</c>.
/// </summary>
internal static class SudoMessage
{
    public static void Write(ReadOnlySpan<char> message, EventBuilder builder)
    {
        if (PamMessage.TryWrite(message, builder))
            return;
        var text = message.TrimStart(' ');
        var colon = text.IndexOf(" : ");
        if (colon <= 0)
            return;
        builder.Field(SourceUser, text[..colon].Trim());
        var rest = text[(colon + 3)..];
        string? failure = null;
        ReadOnlySpan<char> problem = default;
        while (!rest.IsEmpty)
        {
            // COMMAND is last and may itself hold " ; ".
            if (rest.StartsWith("COMMAND="))
            {
                builder.Field("COMMAND", rest["COMMAND=".Length..]);
                break;
            }
            var end = rest.IndexOf(" ; ");
            var part = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 3)..];
            var eq = part.IndexOf('=');
            if (eq > 0 && IsUpper(part[..eq]))
            {
                WriteKey(part[..eq], part[(eq + 1)..], builder);
                continue;
            }
            problem = part;
            failure = Classify(part, builder);
        }
        builder.Field(EventAction, failure ?? "command");
        builder.Field(Outcome, failure is null ? Success : Failure);
        if (!problem.IsEmpty)
            builder.Field(Reason, problem);
    }

    private static void WriteKey(ReadOnlySpan<char> key, ReadOnlySpan<char> value, EventBuilder builder)
    {
        // The keys sudo writes; anything else is kept under its own name only when it is one of sudo's.
        switch (key)
        {
            case "TTY": builder.Field("TTY", value); break;
            case "PWD": builder.Field("PWD", value); break;
            case "USER": builder.Field("USER", value); break;
            case "GROUP": builder.Field("GROUP", value); break;
            case "ENV": builder.Field("ENV", value); break;
            case "TSID": builder.Field("TSID", value); break;
            case "CHROOT": builder.Field("CHROOT", value); break;
            case "CWD": builder.Field("CWD", value); break;
        }
    }

    private static string Classify(ReadOnlySpan<char> problem, EventBuilder builder)
    {
        if (problem.EndsWith("incorrect password attempts") || problem.EndsWith("incorrect password attempt"))
        {
            var space = problem.IndexOf(' ');
            if (space > 0)
                builder.NumberField(Attempts, problem[..space]);
            return "incorrect_password";
        }
        if (problem.SequenceEqual("user NOT in sudoers"))
            return "not_in_sudoers";
        if (problem.SequenceEqual("command not allowed"))
            return "command_not_allowed";
        if (problem.SequenceEqual("a password is required"))
            return "password_required";
        return "refused";
    }

    private static bool IsUpper(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterUpper(c))
                return false;
        }
        return true;
    }
}
