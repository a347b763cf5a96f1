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
        ActorKind.Host => Lower(value),
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
        return Lower(value);
    }

    // Lower-cased straight into the one string made (ToString then ToLowerInvariant made two for any name with a
    // capital, as most Windows account and host names have); the same invariant mapping.
    private static string Lower(ReadOnlySpan<char> value)
    {
        Span<char> lower = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        value.ToLowerInvariant(lower);
        return new string(lower);
    }

    /// <summary>Whether <paramref name="value"/> is an IPv4 address written as <see cref="Ip"/> would write it: four
    /// decimal parts 0–255 separated by dots, without leading zeros.</summary>
    public static bool IsCanonicalIPv4(ReadOnlySpan<char> value)
    {
        if (value.Length is < 7 or > 15)
            return false;
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var part = 0;
            while (i < value.Length && char.IsAsciiDigit(value[i]) && i - start < 3)
                part = part * 10 + (value[i++] - '0');
            var digits = i - start;
            if (digits == 0 || part > 255 || (digits > 1 && value[start] == '0'))
                return false;
            parts++;
            if (i == value.Length)
                return parts == 4;
            if (value[i] != '.' || parts == 4)
                return false;
            i++;
        }
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
