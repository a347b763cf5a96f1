namespace Parry.Ingest.Syslog.Programs;

/// <summary>
/// Names of the fields the program parsers add to a syslog event (documented in LogSources/Data/linux.yml). The
/// words follow the Splunk CIM authentication model: <c>user</c> is the account acted on or logged in to,
/// <c>src_user</c> the account that acted (sudo's and su's caller), <c>src_ip</c>/<c>src_port</c> where it came from.
/// sudo's own keys (<c>USER</c>, <c>TTY</c>, <c>PWD</c>, <c>COMMAND</c>) keep sudo's spelling, which SigmaHQ's sudo
/// rules use; field names are case-insensitive, so sudo's <c>USER</c> (the target) is also <c>user</c>.
/// </summary>
internal static class AuthFields
{
    public const string EventAction = "action";
    public const string Outcome = "outcome";
    public const string User = "user";
    public const string SourceUser = "src_user";
    public const string SourceIp = "src_ip";
    public const string SourcePort = "src_port";
    public const string AuthMethod = "auth_method";
    public const string Protocol = "ssh_protocol";
    public const string KeyType = "key_type";
    public const string KeyFingerprint = "key_fingerprint";
    public const string InvalidUser = "invalid_user";
    public const string Preauth = "preauth";
    public const string Reason = "reason";
    public const string Attempts = "attempts";
    public const string Command = "command";
    public const string Tty = "tty";
    public const string PamModule = "pam_module";
    public const string PamService = "pam_service";
    public const string PamType = "pam_type";

    public const string Success = "success";
    public const string Failure = "failure";
}
