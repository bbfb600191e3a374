using System.Net;
using System.Net.Sockets;
using Accounts.Core.Errors;

namespace Accounts.Core.Notifications;

/// <summary>
/// Where notifications may be sent. Normally only https to public addresses: never loopback, link-local, private,
/// carrier-grade NAT, unique-local, multicast or unspecified ones, so a tenant cannot point the service at its own
/// network. With <paramref name="allowLocalHttp"/> (Development and tests) http and https to 127.0.0.1 or ::1 are
/// allowed too, for a receiver on the same machine. A name is checked again at each send by resolving it
/// (<see cref="IsAllowed(IPAddress)"/>), since a name can point anywhere.
/// </summary>
public sealed class EndpointUrlRules(bool allowLocalHttp)
{
    public const int MaxLength = 2000;

    public bool AllowLocalHttp { get; } = allowLocalHttp;

    /// <summary>The URL, checked; a DomainException naming <c>url</c> otherwise.</summary>
    public Uri Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
        {
            throw DomainException.Invalid("url", $"url must be an absolute http(s) URL of at most {MaxLength} characters");
        }

        if (url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            throw DomainException.Invalid("url", "url must not carry user information or a fragment");
        }

        var local = IPAddress.TryParse(url.IdnHost, out var literal) && IPAddress.IsLoopback(literal);
        if (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && AllowLocalHttp && local))
        {
            if (literal is not null && !IsAllowed(literal))
            {
                throw DomainException.Invalid("url", $"url must not point at a loopback, link-local or private address ({literal})");
            }

            if (literal is null && url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                throw DomainException.Invalid("url", "url must not point at localhost");
            }

            return url;
        }

        throw DomainException.Invalid("url", AllowLocalHttp ? "url must be https (or http to 127.0.0.1 here)" : "url must be https");
    }

    /// <summary>Whether a resolved address may be connected to.</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return AllowLocalHttp;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or >= 224
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc // unique local fc00::/7
                || address.IsIPv6Teredo);
        }

        return false;
    }
}
