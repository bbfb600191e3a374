using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Tenancy;

/// <summary>
/// SHA-256 of high-entropy secrets (API keys, client secrets, tokens). These are random machine secrets, not
/// passwords, so a fast hash is the right tool; comparisons are constant-time.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(secret)), Encoding.ASCII.GetBytes(expectedHash));
}
