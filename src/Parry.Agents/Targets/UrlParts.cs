namespace Parry.Agents.Targets;

/// <summary>A URL found in text, split the way target extraction needs it. <see cref="Host"/> is lower-case, IPv6
/// without brackets; <see cref="Query"/> excludes the '?'.</summary>
public sealed record UrlParts(string Url, string Scheme, string Host, int? Port, string Path, string Query)
{
    private static readonly HashSet<string> NetworkSchemes = new(StringComparer.Ordinal)
    {
        "http", "https", "ftp", "ftps", "sftp", "ssh", "scp", "telnet", "ws", "wss", "smb", "cifs", "ldap", "ldaps",
        "rdp", "vnc", "mysql", "postgres", "postgresql", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
        "mqtt", "tcp", "udp", "gopher", "dict", "tftp", "nfs", "rtsp", "sip", "irc", "imap", "imaps", "pop3", "smtp",
        "smtps", "git", "svn", "rsync", "jdbc:mysql", "jdbc:postgresql", "jdbc:sqlserver", "mssql", "sqlserver", "oracle",
        "winrm", "socks", "socks4", "socks5", "socks5h",
    };

    private static readonly HashSet<string> StorageSchemes = new(StringComparer.Ordinal) { "s3", "s3a", "gs", "az", "abfs", "abfss", "wasb", "wasbs", "oss", "r2" };

    /// <summary>The scheme talks to a host over the network (its host is a target).</summary>
    public bool IsNetwork => NetworkSchemes.Contains(Scheme);

    /// <summary>Cloud object storage (<c>s3://bucket/key</c>): a destination, but its "host" is a bucket name.</summary>
    public bool IsStorage => StorageSchemes.Contains(Scheme);

    /// <summary>Finds every URL in <paramref name="text"/> (at most <paramref name="max"/>).</summary>
    public static List<UrlParts> FindAll(string text, int max = 32)
    {
        var found = new List<UrlParts>();
        var from = 0;
        while (found.Count < max)
        {
            var separator = text.IndexOf("://", from, StringComparison.Ordinal);
            if (separator < 0)
                break;
            from = separator + 3;
            var start = separator;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '.' or '-' or ':'))
                start--;
            while (start < separator && !char.IsAsciiLetter(text[start]))
                start++;
            if (start == separator)
                continue;
            var end = separator + 3;
            while (end < text.Length && !IsUrlTerminator(text[end]))
                end++;
            while (end > separator + 3 && text[end - 1] is '.' or ',' or ';' or ':' or ')' or ']' or '!' or '?')
            {
                if (text[end - 1] == ']' && text.AsSpan(separator, end - separator).Contains('['))
                    break;
                end--;
            }
            if (TryParse(text[start..end], out var url))
            {
                found.Add(url);
                from = end;
            }
        }
        return found;
    }

    public static bool TryParse(string url, out UrlParts parts)
    {
        parts = null!;
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
            return false;
        var scheme = url[..separator].ToLowerInvariant();
        var rest = url.AsSpan(separator + 3);
        var authorityEnd = rest.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var tail = authorityEnd < 0 ? [] : rest[authorityEnd..];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
            authority = authority[(at + 1)..];
        string host;
        int? port = null;
        if (authority.Length > 0 && authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
                return false;
            host = authority[1..close].ToString();
            var after = authority[(close + 1)..];
            if (after.Length > 1 && after[0] == ':' && TargetParser.TryParsePort(after[1..], out var p6))
                port = p6;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                if (TargetParser.TryParsePort(authority[(colon + 1)..], out var p))
                    port = p;
                authority = authority[..colon];
            }
            host = authority.ToString();
        }
        host = host.ToLowerInvariant().TrimEnd('.');
        var hash = tail.IndexOf('#');
        if (hash >= 0)
            tail = tail[..hash];
        var question = tail.IndexOf('?');
        var path = question < 0 ? tail.ToString() : tail[..question].ToString();
        var query = question < 0 ? "" : tail[(question + 1)..].ToString();
        parts = new UrlParts(url, scheme, host, port, path, query);
        return true;
    }

    private static bool IsUrlTerminator(char c) =>
        char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '`' or '|' or '^' or '{' or '}' or '\\' or '\0';
}
