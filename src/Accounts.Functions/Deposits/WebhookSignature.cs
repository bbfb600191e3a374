using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Errors;

namespace Accounts.Functions.Deposits;

/// <summary>
/// x-signature = lowercase hex HMAC-SHA256 of "{x-timestamp}." followed by the exact bytes of the request body, keyed
/// with one of the tenant's webhook secrets, compared in constant time; a timestamp more than five minutes from now is
/// refused (replay protection). The bytes are verified before they are decoded, so no decoding step (a dropped BOM,
/// replaced invalid UTF-8) can make two different bodies share a signature.
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        mac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        mac.AppendData(body);
        return Convert.ToHexStringLower(mac.GetHashAndReset());
    }

    /// <summary>The signature of a body sent as UTF-8 text (what an HTTP client puts on the wire for a string).</summary>
    public static string Sign(string secret, string timestamp, string body) => Sign(secret, timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// Accepts the request when the signature matches under any of <paramref name="secrets"/> (the current secret and,
    /// during a rotation's overlap, the previous one). Every candidate is checked, so timing does not tell which matched.
    /// </summary>
    public static void Verify(IReadOnlyList<string> secrets, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw DomainException.Unauthorized("x-timestamp header must be the sending time in Unix seconds");
        }

        if (seconds > now.ToUnixTimeSeconds() + (long)MaxSkew.TotalSeconds || seconds < now.ToUnixTimeSeconds() - (long)MaxSkew.TotalSeconds)
        {
            throw DomainException.Unauthorized("x-timestamp is more than 5 minutes away from the server's clock");
        }

        if (string.IsNullOrEmpty(signature))
        {
            throw DomainException.Unauthorized("x-signature header is required");
        }

        var presented = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        var matched = false;
        foreach (var secret in secrets)
        {
            matched |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), presented);
        }

        if (!matched)
        {
            throw DomainException.Unauthorized("x-signature does not match the request");
        }
    }
}
