using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Security;

/// <summary>
/// AES-256-GCM for what must be stored and read back but never kept in clear: webhook signing secrets, a customer's
/// BVN and date of birth. Each value is sealed for a context (e.g. the tenant and field it belongs to), bound in as
/// associated data, so a sealed value copied into another row or field does not open there.
/// Format: "v1:" + base64(nonce[12] | ciphertext | tag[16]); the version leaves room for a key rotation.
/// </summary>
public sealed class SecretBox
{
    public const int KeyBytes = 32;

    private const string Version = "v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    public SecretBox(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key.Length == KeyBytes
            ? key.ToArray()
            : throw new ArgumentException($"The encryption key must be exactly {KeyBytes} bytes", nameof(key));
    }

    public static bool IsSealed(string value) => value.StartsWith(Version, StringComparison.Ordinal);

    public string Seal(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceBytes + clear.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce); // random 96-bit nonces: safe far beyond the number of values sealed here
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceBytes, clear.Length), output.AsSpan(NonceBytes + clear.Length), Context(context));
        return Version + Convert.ToBase64String(output);
    }

    /// <summary>Throws CryptographicException when the value was not sealed with this key for this context.</summary>
    public string Open(string sealedValue, string context)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        if (!IsSealed(sealedValue))
        {
            throw new CryptographicException("The value is not sealed");
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(sealedValue[Version.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The sealed value is not valid base64", e);
        }

        if (input.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed value is too short");
        }

        var length = input.Length - NonceBytes - TagBytes;
        var clear = new byte[length];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, length), input.AsSpan(NonceBytes + length), clear, Context(context));
        return Encoding.UTF8.GetString(clear);
    }

    private static byte[] Context(string context)
    {
        ArgumentException.ThrowIfNullOrEmpty(context);
        return Encoding.UTF8.GetBytes(context);
    }
}
