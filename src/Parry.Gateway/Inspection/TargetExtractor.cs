using System.Buffers;
using System.Net;
using System.Text.Json;
using Parry.Gateway.Policy.Scope;

namespace Parry.Gateway.Inspection;

/// <summary>
/// A small, replaceable extractor of targets from tool-call arguments. It finds, in every string value: URLs
/// (<c>scheme://host…</c>), IPv4 and IPv6 addresses and CIDR networks; and, in values of arguments whose name says
/// they hold a target (<c>host</c>, <c>target</c>, <c>domain</c> …), host names. It does not parse command lines
/// (that is Parry.Agents' job) and never resolves names. Work per call is bounded: depth, string count and length.
/// </summary>
public sealed class TargetExtractor
{
    private const int MaxDepth = 32;
    private const int MaxStrings = 1024;
    private const int MaxStringChars = 16384;
    private const int MaxTargets = 64;

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\r\n,;\"'`()<>{}|=");

    private static readonly HashSet<string> TargetArgumentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "hosts", "hostname", "hostnames", "target", "targets", "domain", "domains", "ip", "ips", "address",
        "addresses", "server", "servers", "rhost", "rhosts", "url", "urls", "uri", "endpoint", "site", "destination",
        "dest", "remote", "node", "nodes", "computer", "computername",
    };

    public IReadOnlyList<Finding> Extract(JsonElement arguments, string source)
    {
        var state = new State(source);
        Walk(arguments, "", targetNamed: false, depth: 0, ref state);
        return state.Findings ?? (IReadOnlyList<Finding>)[];
    }

    private static void Walk(JsonElement element, string path, bool targetNamed, int depth, ref State state)
    {
        if (depth > MaxDepth || state.Full)
            return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                    Walk(property.Value, childPath, TargetArgumentNames.Contains(property.Name), depth + 1, ref state);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, path, targetNamed, depth + 1, ref state);
                break;
            case JsonValueKind.String:
                if (++state.Strings > MaxStrings)
                    return;
                var text = element.GetString() ?? "";
                ScanText(text.Length > MaxStringChars ? text[..MaxStringChars] : text, path, targetNamed, ref state);
                break;
        }
    }

    private static void ScanText(string text, string path, bool targetNamed, ref State state)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty && !state.Full)
        {
            var cut = rest.IndexOfAny(Separators);
            var token = cut < 0 ? rest : rest[..cut];
            rest = cut < 0 ? default : rest[(cut + 1)..];
            if (!token.IsEmpty)
                ScanToken(token, path, targetNamed, ref state);
        }
    }

    private static void ScanToken(ReadOnlySpan<char> token, string path, bool targetNamed, ref State state)
    {
        var scheme = token.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            if (Uri.TryCreate(token.ToString(), UriKind.Absolute, out var uri) && uri.Host.Length > 0)
                state.Add(TargetKind.Url, uri.ToString(), path);
            return;
        }
        token = token.Trim("[].:");
        if (token.IsEmpty)
            return;
        if (token.Contains('/') && Cidr.TryParse(token, out var network))
        {
            state.Add(TargetKind.Network, network.ToString(), path);
            return;
        }
        if (LooksLikeAddress(token) && IPAddress.TryParse(StripPort(token), out var address))
        {
            state.Add(TargetKind.Address, Normalise(address).ToString(), path);
            return;
        }
        if (targetNamed && LooksLikeHostName(StripPort(token)))
            state.Add(TargetKind.Host, StripPort(token).ToString().ToLowerInvariant(), path);
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool LooksLikeAddress(ReadOnlySpan<char> token)
    {
        // Dotted quads, or at least two colons of hex (so "12:30" is not an address).
        var dots = token.Count('.');
        var colons = token.Count(':');
        if (dots == 3 && colons <= 1)
            return char.IsAsciiDigit(token[0]);
        return colons >= 2 && token.ContainsAnyExcept("0123456789abcdefABCDEF:.%") == false;
    }

    private static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> token)
    {
        // host:port and a.b.c.d:port; IPv6 literals keep their colons.
        var colon = token.LastIndexOf(':');
        if (colon > 0 && token.IndexOf(':') == colon && int.TryParse(token[(colon + 1)..], out _))
            return token[..colon];
        return token;
    }

    private static bool LooksLikeHostName(ReadOnlySpan<char> token)
    {
        if (token.Length is 0 or > 253)
            return false;
        foreach (var label in token.ToString().Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                return false;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '*')
                    return false;
            }
        }
        return char.IsAsciiLetter(token[^1]);
    }

    private struct State(string source)
    {
        public List<Finding>? Findings;
        public int Strings;

        public readonly bool Full => Findings is { Count: >= MaxTargets };

        public void Add(TargetKind kind, string value, string path)
        {
            Findings ??= [];
            foreach (var existing in Findings)
            {
                if (existing.TargetKind == kind && existing.Target == value)
                    return;
            }
            Findings.Add(Finding.ForTarget(source, kind, value, path.Length == 0 ? "(arguments)" : path));
        }
    }
}
