using System.Net;

namespace Parry.Agents.Targets;

/// <summary>
/// Gathers the targets of one tool call without repeats: from command words (where a host is or may be expected),
/// URLs, <c>/dev/tcp/host/port</c>, port options, and free text (URLs and IPv4 literals only: in prose and code a
/// dotted word is more often a module than a host). Bounded: at most <see cref="MaxTargets"/> targets.
/// </summary>
internal sealed class TargetCollector
{
    public const int MaxTargets = 256;

    // Made on first use: one collector per call, and most calls name no target at all.
    private HashSet<(string Value, int? Port)>? _seen;
    private HashSet<string>? _urlsSeen;
    private HashSet<string>? _portsSeen;
    private HashSet<string>? _withPort;

    public List<Target> Targets { get; } = [];

    public List<string> Urls { get; } = [];

    public List<string> Ports { get; } = [];

    /// <summary>Looks at one command word. <paramref name="hostExpected"/>: the word is a positional argument of a
    /// program whose operands are hosts, so bare names, <c>user@host</c> and <c>host:path</c> count.</summary>
    public void AddWord(string word, bool hostExpected)
    {
        if (word.Length is < 3 or > 2048)
            return;
        if (word.Contains("://", StringComparison.Ordinal))
        {
            // A word that is one URL is taken whole (a payload may hold characters that end URLs in prose).
            if (word.AsSpan().IndexOfAny(" \t\n\"'") < 0 && UrlParts.TryParse(word, out var whole) && whole.Scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                AddUrl(whole);
                return;
            }
            foreach (var url in UrlParts.FindAll(word))
                AddUrl(url);
            return;
        }
        if (word.StartsWith("/dev/tcp/", StringComparison.Ordinal) || word.StartsWith("/dev/udp/", StringComparison.Ordinal))
        {
            AddDevTcp(word);
            return;
        }
        if (word[0] == '-')
        {
            var equals = word.IndexOf('=');
            if (equals < 0 || equals == word.Length - 1)
                return;
            word = word[(equals + 1)..];
        }
        if (word.Contains(','))
        {
            foreach (var item in word.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(64))
                AddSingle(item, hostExpected);
            return;
        }
        AddSingle(word, hostExpected);
    }

    /// <summary>URLs and IPv4 literals in free text or code.</summary>
    public void ScanText(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            foreach (var url in UrlParts.FindAll(text))
                AddUrl(url);
        }
        var index = text.IndexOf("/dev/tcp/", StringComparison.Ordinal);
        if (index < 0)
            index = text.IndexOf("/dev/udp/", StringComparison.Ordinal);
        if (index >= 0)
        {
            var end = index;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or ';' or '&' or '|' or '<' or '>'))
                end++;
            AddDevTcp(text[index..end]);
        }
        ScanIPv4Literals(text);
    }

    public void AddUrl(UrlParts url)
    {
        if (!url.IsNetwork && !url.IsStorage)
            return;
        _urlsSeen ??= new HashSet<string>(StringComparer.Ordinal);
        if (_urlsSeen.Add(url.Url) && _urlsSeen.Count <= MaxTargets)
            Urls.Add(url.Url);
        if (url.IsNetwork && url.Host.Length > 0 && !AddHostOrAddress(url.Host, url.Port, url.Url, hostExpected: true) && IsDnsName(url.Host))
            Add(TargetKind.Host, url.Host, TargetClassifier.ClassifyHost(url.Host), url.Port, url.Url); // any name a URL gives is a host
    }

    public void AddPort(string port)
    {
        if (Ports.Count < MaxTargets && (_portsSeen ??= new HashSet<string>(StringComparer.Ordinal)).Add(port))
            Ports.Add(port);
    }

    /// <summary>Adds a host or address known to be one (from a structured argument such as <c>host</c>).</summary>
    public bool AddHostOrAddress(string text, int? port, string? url, bool hostExpected)
    {
        if (TargetParser.TryParseCidr(text, out var network, out var prefix))
        {
            Add(TargetKind.Cidr, $"{network}/{prefix}", TargetClassifier.Classify(network, prefix), port, url);
            return true;
        }
        if (TargetParser.TryParseAddress(text, out var address))
        {
            Add(TargetKind.Ip, address.ToString(), TargetClassifier.Classify(address), port, url);
            return true;
        }
        var host = text.TrimEnd('.').ToLowerInvariant();
        if (!TargetParser.IsHostName(host, hostExpected) && !(hostExpected && url is not null && IsSingleLabel(host)))
            return false;
        Add(TargetKind.Host, host, TargetClassifier.ClassifyHost(host), port, url);
        return true;
    }

    private void AddSingle(string word, bool hostExpected)
    {
        var text = word.Trim('"', '\'', '(', ')', ';');
        if (text.Length < 3)
            return;
        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            // user@host where a host is expected; elsewhere an e-mail address, package@version, field=@file …
            if (!hostExpected || at == 0 || !IsUserName(text.AsSpan(0, at)))
                return;
            text = text[(at + 1)..];
        }
        if (TargetParser.TrySplitHostPort(text, out var host, out var port))
        {
            if (AddHostOrAddress(host, port, null, at >= 0))
                AddPort(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (hostExpected)
        {
            // scp/rsync destinations: host:path
            var colon = text.IndexOf(':');
            if (colon > 0 && text.Count(':') == 1 && !TargetParser.TryParseAddress(text, out _))
            {
                var before = text[..colon];
                if (AddHostOrAddress(before, null, null, at >= 0) || (at >= 0 && IsSingleLabel(before) && AddLabel(before)))
                    return;
            }
        }
        if (AddHostOrAddress(text, null, null, at >= 0))
            return;
        if (at >= 0 && IsSingleLabel(text))
            AddLabel(text);
    }

    private bool AddLabel(string label)
    {
        var host = label.ToLowerInvariant();
        Add(TargetKind.Host, host, TargetClassifier.ClassifyHost(host), null, null);
        return true;
    }

    private void AddDevTcp(string path)
    {
        // /dev/tcp/HOST/PORT
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
            return;
        int? port = parts.Length > 3 && TargetParser.TryParsePort(parts[3], out var p) ? p : null;
        if (AddHostOrAddress(parts[2], port, null, hostExpected: true) && port is { } known)
            AddPort(known.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void ScanIPv4Literals(string text)
    {
        var i = 0;
        while (i < text.Length && Targets.Count < MaxTargets)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '_')))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.') && end - i < 16)
                end++;
            var candidate = text.AsSpan(i, end - i).TrimEnd('.');
            var followedByWord = end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '_');
            if (!followedByWord && TargetParser.TryParseIPv4(candidate, out var address))
            {
                int? port = null;
                var after = i + candidate.Length;
                if (after + 1 < text.Length && text[after] == ':')
                {
                    var portEnd = after + 1;
                    while (portEnd < text.Length && char.IsAsciiDigit(text[portEnd]) && portEnd - after <= 5)
                        portEnd++;
                    if (TargetParser.TryParsePort(text.AsSpan(after + 1, portEnd - after - 1), out var p))
                        port = p;
                }
                Add(TargetKind.Ip, address.ToString(), TargetClassifier.Classify(address), port, null);
            }
            i = end + 1;
        }
    }

    private void Add(TargetKind kind, string value, TargetClass targetClass, int? port, string? url)
    {
        if (Targets.Count >= MaxTargets || !(_seen ??= []).Add((value, port)))
            return;
        if (port is null && _withPort is not null && _withPort.Contains(value))
            return; // already known with its port
        if (port is not null)
        {
            (_withPort ??= new HashSet<string>(StringComparer.Ordinal)).Add(value);
            var bare = Targets.FindIndex(t => t.Value == value && t.Port is null);
            if (bare >= 0)
            {
                Targets[bare] = new Target(kind, value, targetClass, port, url ?? Targets[bare].Url);
                AddPort(port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }
        }
        Targets.Add(new Target(kind, value, targetClass, port, url));
        if (port is { } p)
            AddPort(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool IsDnsName(string host) =>
        host.Length is > 0 and <= 253 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !host.StartsWith('.');

    private static bool IsUserName(ReadOnlySpan<char> user)
    {
        foreach (var c in user)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '$' or '\\' or '/' or ':' or '%'))
                return false;
        }
        return true;
    }

    private static bool IsSingleLabel(string text) =>
        text.Length is > 0 and <= 63 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !text.All(char.IsAsciiDigit);

    /// <summary>Whether an address literal is an IPv4 or IPv6 address (used by recognisers).</summary>
    public static bool IsAddress(string text) => TargetParser.TryParseAddress(text, out IPAddress _);
}
