using System.Net;
using Parry.Gateway.Inspection;

namespace Parry.Gateway.Policy.Scope;

/// <summary>
/// The engagement's authorised targets, compiled: networks (single addresses are /32 or /128), exact host names,
/// <c>*.domain</c> wildcards (any depth below the domain, not the domain itself) and URL prefixes. Host names are
/// never resolved: a name is in scope only if it is listed, and an address only if a listed network holds it.
/// </summary>
public sealed class ScopeSet
{
    private readonly Cidr[] _networks;
    private readonly HashSet<string> _hosts;
    private readonly string[] _wildcardSuffixes;
    private readonly Uri[] _urls;

    public ScopeSet(IEnumerable<Cidr> networks, IEnumerable<string> hosts, IEnumerable<string> wildcardDomains, IEnumerable<Uri> urls)
    {
        _networks = [.. networks];
        _hosts = new HashSet<string>(hosts.Select(NormaliseHost), StringComparer.OrdinalIgnoreCase);
        _wildcardSuffixes = [.. wildcardDomains.Select(d => "." + NormaliseHost(d))];
        _urls = [.. urls];
    }

    public static ScopeSet Empty { get; } = new([], [], [], []);

    public bool IsEmpty => _networks.Length == 0 && _hosts.Count == 0 && _wildcardSuffixes.Length == 0 && _urls.Length == 0;

    /// <summary>Whether a target finding is inside the scope.</summary>
    public bool Contains(TargetKind kind, string target) => kind switch
    {
        TargetKind.Address => IPAddress.TryParse(target, out var address) && ContainsAddress(address),
        TargetKind.Network => Cidr.TryParse(target, out var network) && _networks.Any(n => n.Contains(network)),
        TargetKind.Host => ContainsHost(target),
        TargetKind.Url => ContainsUrl(target),
        _ => false,
    };

    private bool ContainsAddress(IPAddress address)
    {
        foreach (var network in _networks)
        {
            if (network.Contains(address))
                return true;
        }
        return false;
    }

    private bool ContainsHost(string host)
    {
        host = NormaliseHost(host);
        if (IPAddress.TryParse(host, out var address))
            return ContainsAddress(address);
        if (_hosts.Contains(host))
            return true;
        foreach (var suffix in _wildcardSuffixes)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        foreach (var url in _urls)
        {
            // A URL entry for a whole site (no path) authorises its host.
            if (url.AbsolutePath == "/" && string.Equals(url.IdnHost, host, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private bool ContainsUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            return false;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        if (ContainsHost(host))
            return true;
        foreach (var url in _urls)
        {
            if (string.Equals(url.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(url.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
                && url.Port == uri.Port
                && uri.AbsolutePath.StartsWith(url.AbsolutePath, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static string NormaliseHost(string host) => host.Trim().TrimEnd('.').Trim('[', ']').ToLowerInvariant();
}
