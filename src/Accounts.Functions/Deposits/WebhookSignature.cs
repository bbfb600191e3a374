using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Errors;

namespace Accounts.Functions.Deposits;

/// <summary>
/// x-signature = lowercase hex HMAC-SHA256 of "{x-timestamp}.{raw body}" keyed with the tenant's webhook secret,
/// compared in constant time; a timestamp more than five minutes from now is refused (replay protection).
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static void Verify(string secret, string? timestamp, string? signature, string body, DateTimeOffset now) =>
        Verify([secret], timestamp, signature, body, now);

    /// <summary>Accepts a signature made with any of <paramref name="secrets"/> (during a rotation, the new and the previous).</summary>
    public static void Verify(IReadOnlyList<string> secrets, string? timestamp, string? signature, string body, DateTimeOffset now)
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
        var matches = false;
        foreach (var secret in secrets)
        {
            // Every candidate is computed, so the time taken does not say which one matched.
            matches |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), presented);
        }

        if (!matches)
        {
            throw DomainException.Unauthorized("x-signature does not match the request");
        }
    }
}
