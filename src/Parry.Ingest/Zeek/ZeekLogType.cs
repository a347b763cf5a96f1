using System.Collections.Frozen;

namespace Parry.Ingest.Zeek;

/// <summary>
/// The Zeek log a record belongs to (<c>conn</c>, <c>http</c>, <c>dns</c>, …), which Sigma calls the service. Zeek
/// names its files after the log (<c>conn.log</c>, <c>http.09:00:00-10:00:00.log.gz</c>); records written with
/// <c>_path</c> say it themselves; otherwise a few fields only one log has give it away.
/// </summary>
internal static class ZeekLogType
{
    private static readonly FrozenSet<string> Known = FrozenSet.Create(StringComparer.Ordinal,
        "conn", "dns", "http", "ssl", "x509", "files", "ssh", "smtp", "ftp", "dhcp", "rdp", "smb_files", "smb_mapping",
        "dce_rpc", "kerberos", "ntlm", "notice", "weird", "software", "known_hosts", "known_services", "known_certs",
        "sip", "snmp", "tunnel", "dpd", "pe", "radius", "mysql", "irc", "modbus", "dnp3", "syslog", "socks", "ntp",
        "quic", "analyzer", "capture_loss", "stats", "reporter", "loaded_scripts", "packet_filter", "intel",
        "signatures", "conn_long", "ocsp", "traceroute", "ldap", "ldap_search", "websocket", "mqtt_connect",
        "mqtt_publish", "mqtt_subscribe", "openflow", "netcontrol", "notice_alarm", "weird_stats", "broker", "cluster",
        "config", "print", "unified2", "x509_certs", "ssl_certs");

    /// <summary>The log named by a Zeek file name (the part before the first dot), or null when it is not one.</summary>
    public static string? FromFileName(string fileName)
    {
        var name = fileName.AsSpan();
        var dot = name.IndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        // json-streaming-logs writes json_streaming_conn.log
        if (stem.StartsWith("json_streaming_"))
            stem = stem["json_streaming_".Length..];
        var lookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(stem, out var known) ? known : null;
    }

    public static bool IsKnown(ReadOnlySpan<char> name) => Known.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
}
