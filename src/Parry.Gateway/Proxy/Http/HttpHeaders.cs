using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Parry.Gateway.Proxy.Http;

/// <summary>Which headers cross the proxy: all end-to-end ones (Mcp-Session-Id, MCP-Protocol-Version, Accept,
/// Authorization, Last-Event-ID …), none of the hop-by-hop ones.</summary>
internal static class HttpHeaders
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE",
        "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length", "Content-Type",
        // The gateway validated Origin itself; compression would hide the messages it must read.
        "Origin", "Accept-Encoding",
    };

    public static void CopyRequest(IHeaderDictionary from, HttpRequestMessage to)
    {
        foreach (var (name, values) in from)
        {
            if (NotForwarded.Contains(name))
                continue;
            to.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values.ToArray());
        }
        var contentType = from.ContentType.ToString();
        if (contentType.Length > 0 && to.Content is not null)
            to.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
    }

    public static void CopyResponse(HttpResponseMessage from, HttpResponse to)
    {
        Copy(from.Headers, to);
        Copy(from.Content.Headers, to);
        if (from.Content.Headers.ContentType is { } type)
            to.ContentType = type.ToString();
    }

    private static void Copy(System.Net.Http.Headers.HttpHeaders headers, HttpResponse to)
    {
        foreach (var (name, values) in headers)
        {
            if (NotForwarded.Contains(name))
                continue;
            to.Headers[name] = values.ToArray();
        }
    }

    public static string? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    public static string? SessionId(HttpResponseHeaders headers) =>
        headers.TryGetValues("Mcp-Session-Id", out var values) ? values.FirstOrDefault() : null;
}
