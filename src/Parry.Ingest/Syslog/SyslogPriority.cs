namespace Parry.Ingest.Syslog;

/// <summary>The names of syslog facilities and severities (RFC 5424 §6.2.1), as /etc/rsyslog.conf spells them.</summary>
internal static class SyslogPriority
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp", "ntp",
        "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private static readonly string[] Severities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    public static string Facility(int priority) => Facilities[priority / 8];

    public static string Severity(int priority) => Severities[priority % 8];
}
