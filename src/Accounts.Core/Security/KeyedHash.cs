using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Security;

/// <summary>
/// HMAC-SHA256 keyed with the server-side pepper, for what is stored only to be recognised again: API keys, client
/// secrets, bearer tokens and personal data used as uniqueness keys. Without the pepper a stolen table cannot be
/// checked against guesses (a bare SHA-256 of an 11-digit BVN or a known email falls to a dictionary at once).
/// Each use names its purpose, so the same value hashed for two purposes gives unrelated hashes.
/// </summary>
public sealed class KeyedHash
{
    /// <summary>The pepper must carry at least 256 bits; shorter keys would be the weakest part of the hash.</summary>
    public const int MinPepperBytes = 32;

    private readonly byte[] _pepper;

    public KeyedHash(byte[] pepper)
    {
        ArgumentNullException.ThrowIfNull(pepper);
        if (pepper.Length < MinPepperBytes)
        {
            throw new ArgumentException($"The pepper must be at least {MinPepperBytes} bytes", nameof(pepper));
        }

        _pepper = pepper.ToArray();
    }

    /// <summary>Lowercase hex of HMAC-SHA256(pepper, purpose + "\n" + value).</summary>
    public string Of(string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes(purpose + "\n" + value)));
    }

    /// <summary>Constant-time: how much of a guess matched never shows in the time taken.</summary>
    public bool Matches(string purpose, string value, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(purpose, value)), Encoding.ASCII.GetBytes(expectedHash));
}
