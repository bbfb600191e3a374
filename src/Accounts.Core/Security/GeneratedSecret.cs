using System.Security.Cryptography;

namespace Accounts.Core.Security;

/// <summary>
/// Credentials the service issues: 256 random bits, base64url, behind a prefix that says what the value is (so a
/// leaked one is recognised by secret scanners and a key pasted where a secret belongs is obvious).
/// </summary>
public static class GeneratedSecret
{
    public const string ApiKeyPrefix = "ak_";
    public const string ClientSecretPrefix = "cs_";
    public const string WebhookSecretPrefix = "whsec_";

    public const int RandomBytes = 32;

    public static string New(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>
    /// A notification endpoint's signing secret in the Standard Webhooks form: "whsec_" and the standard base64 (not
    /// base64url) of 256 random bits, which receivers' Standard Webhooks libraries decode as the HMAC key.
    /// </summary>
    public static string NewSigningSecret() => WebhookSecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>A short random identifier (not a secret), for naming an API key in operator calls and tokens.</summary>
    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
