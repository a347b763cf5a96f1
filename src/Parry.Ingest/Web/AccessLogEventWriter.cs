using Parry.Core.Events;
using Parry.Ingest.Text;

namespace Parry.Ingest.Web;

/// <summary>
/// Writes an access-log line with the field names SigmaHQ's <c>webserver</c> rules use (W3C extended log names):
/// <c>c-ip</c>, <c>cs-username</c>, <c>cs-method</c>, <c>cs-uri</c> (as requested, path and query),
/// <c>cs-uri-stem</c>, <c>cs-uri-query</c> (after '?', absent without one), <c>cs-version</c>, <c>sc-status</c>,
/// <c>sc-bytes</c>, <c>cs-referer</c>, <c>cs-user-agent</c>, <c>cs-host</c>/<c>s-port</c> (from a virtual-host
/// prefix), the raw <c>request</c> line and any <c>extra</c> fields. A <c>-</c> (no value) leaves its field out.
/// </summary>
internal sealed class AccessLogEventWriter
{
    private static readonly System.Buffers.SearchValues<char> MethodChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    private char[] _scratch = new char[512];

    public void Write(in AccessLogLine line, EventBuilder builder)
    {
        builder.StartObject();
        builder.Field("c-ip", line.Client);
        if (!IsNone(line.User))
            builder.Field("cs-username", line.User);
        if (!line.VirtualHost.IsEmpty)
            WriteVirtualHost(line.VirtualHost, builder);
        var request = Unescape(line.Request);
        builder.Field("request", request);
        WriteRequest(request, builder);
        if (!IsNone(line.Status))
            builder.NumberField("sc-status", line.Status);
        if (!IsNone(line.Bytes))
            builder.NumberField("sc-bytes", line.Bytes);
        if (!IsNone(line.Referer))
            builder.Field("cs-referer", Unescape(line.Referer));
        if (!IsNone(line.UserAgent))
            builder.Field("cs-user-agent", Unescape(line.UserAgent));
        if (!line.Extra.IsEmpty)
            builder.Field("extra", line.Extra);
        builder.EndObject();
    }

    // "GET /a/b.php?x=1 HTTP/1.1"; a request that is not three parts (a TLS handshake sent to a plain port, "-")
    // keeps only the raw line.
    private static void WriteRequest(ReadOnlySpan<char> request, EventBuilder builder)
    {
        var first = request.IndexOf(' ');
        if (first <= 0)
            return;
        var method = request[..first];
        if (method.ContainsAnyExcept(MethodChars))
            return;
        var rest = request[(first + 1)..];
        var last = rest.LastIndexOf(' ');
        var hasVersion = last >= 0 && rest[(last + 1)..].StartsWith("HTTP/");
        var uri = hasVersion ? rest[..last] : rest;
        builder.Field("cs-method", method);
        builder.Field("cs-uri", uri);
        var question = uri.IndexOf('?');
        builder.Field("cs-uri-stem", question >= 0 ? uri[..question] : uri);
        if (question >= 0)
            builder.Field("cs-uri-query", uri[(question + 1)..]);
        if (hasVersion)
            builder.Field("cs-version", rest[(last + 1)..]);
    }

    private static void WriteVirtualHost(ReadOnlySpan<char> vhost, EventBuilder builder)
    {
        var colon = vhost.LastIndexOf(':');
        // "www.example.com:443"; an IPv6 literal has more colons and no port here.
        if (colon > 0 && vhost.IndexOf(':') == colon && !vhost[(colon + 1)..].ContainsAnyExceptInRange('0', '9'))
        {
            builder.Field("cs-host", vhost[..colon]);
            builder.NumberField("s-port", vhost[(colon + 1)..]);
        }
        else
        {
            builder.Field("cs-host", vhost);
        }
    }

    private static bool IsNone(ReadOnlySpan<char> value) => value.IsEmpty || value is "-";

    // Servers write a quote inside a quoted field as \" and a backslash as \\; other escapes (\xhh) stay as written.
    private ReadOnlySpan<char> Unescape(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('\\') < 0)
            return value;
        if (_scratch.Length < value.Length)
            _scratch = new char[Math.Max(value.Length, _scratch.Length * 2)];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] is '"' or '\\')
                i++;
            _scratch[n++] = value[i];
        }
        return _scratch.AsSpan(0, n);
    }
}
