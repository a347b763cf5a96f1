namespace Parry.Agents.Recognisers;

/// <summary>Families of programs the behaviour recognisers reason about.</summary>
internal static class NetworkPrograms
{
    public static bool IsNetcat(string program) =>
        program is "nc" or "ncat" or "netcat" or "nc.traditional" or "nc.openbsd" or "pwncat" or "pwncat-cs" or "powercat" or "nc64";

    /// <summary>Clients that carry a raw stream to a remote host (what a reverse shell is piped through).</summary>
    public static bool IsStreamClient(string program) =>
        IsNetcat(program) || program is "telnet" or "socat" or "openssl" or "ncat.exe" or "sbd" or "cryptcat";

    public static bool IsHttpClient(string program) =>
        program is "curl" or "wget" or "http" or "https" or "httpie" or "xh" or "aria2c" or "lwp-request" or "fetch"
            or "invoke-webrequest" or "iwr" or "invoke-restmethod" or "irm" or "lynx" or "links";

    public static bool IsSshClient(string program) => program is "ssh" or "slogin" or "autossh" or "plink" or "dbclient";
}
