using System.Text;
using Accounts.Core.Security;

namespace Accounts.Functions.Security;

/// <summary>
/// Section "Security": the server-side keys (from configuration or Key Vault, never from the tables they protect).
/// <see cref="Pepper"/> keys every stored hash (API keys, client secrets, tokens, personal-data claims);
/// <see cref="EncryptionKey"/> (base64, 32 bytes) seals webhook secrets and personal data kept but never shown.
/// Development has documented defaults; everywhere else start-up fails until both are set.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public string? Pepper { get; set; }

    public string? EncryptionKey { get; set; }

    public static bool IsPepperValid(string? pepper) =>
        pepper is not null && Encoding.UTF8.GetByteCount(pepper) >= KeyedHash.MinPepperBytes;

    public static bool IsEncryptionKeyValid(string? key) => DecodeKey(key) is { Length: SecretBox.KeyBytes };

    public static byte[]? DecodeKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
