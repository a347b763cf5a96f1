using System.Net;
using Parry.Core.Actors;

namespace Parry.Ingest.LogSources;

/// <summary>How actor values are written, so that the same actor seen by different sources is one key.</summary>
public static class ActorNames
{
    /// <summary>The canonical value for an actor of <paramref name="kind"/>, or null when the value cannot be one
    /// (an <c>ip</c> that is not an address).</summary>
    public static string? Normalise(ActorKind kind, ReadOnlySpan<char> value) => kind switch
    {
        ActorKind.User => User(value),
        ActorKind.Ip => Ip(value),
        ActorKind.Host => value.ToString().ToLowerInvariant(),
        _ => value.ToString(),
    };

    /// <summary>An account name without its domain (<c>DOMAIN\name</c>, <c>name@realm</c>), lower-case.</summary>
    public static string User(ReadOnlySpan<char> value)
    {
        var backslash = value.LastIndexOf('\\');
        if (backslash >= 0 && backslash < value.Length - 1)
            value = value[(backslash + 1)..];
        var at = value.IndexOf('@');
        if (at > 0)
            value = value[..at];
        return value.ToString().ToLowerInvariant();
    }

    /// <summary>An address in its canonical text (IPv6 compressed, IPv4-mapped unwrapped), or null.</summary>
    public static string? Ip(ReadOnlySpan<char> value)
    {
        if (!IPAddress.TryParse(value, out var address))
            return null;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return address.ToString();
    }
}
