using Accounts.Core.Security;

namespace Accounts.Core.Tenancy;

/// <summary>How each tenant credential is stored: the purposes its hash is made for and the context its seal is bound to.</summary>
public static class TenantSecrets
{
    public const string ApiKeyPurpose = "api-key";
    public const string ClientSecretPurpose = "client-secret";
    public const string AccessTokenPurpose = "access-token";

    public static string HashApiKey(this KeyedHash hash, string apiKey) => hash.Of(ApiKeyPurpose, apiKey);

    public static string HashClientSecret(this KeyedHash hash, string secret) => hash.Of(ClientSecretPurpose, secret);

    public static string SealWebhookSecret(this SecretBox box, string tenantId, string secret) =>
        box.Seal(secret, WebhookContext(tenantId));

    /// <summary>The tenant as the service uses it: webhook secrets opened, active keys listed.</summary>
    public static Tenant Open(this SecretBox box, TenantRecord record) =>
        new(record.Id, record.Name, record.ProductId, record.PartnerId, record.Environment, record.ClientSecretHash,
            box.Open(record.WebhookSecretSealed, WebhookContext(record.Id)))
        {
            PreviousWebhookSecret = record.PreviousWebhookSecretSealed is { } previous ? box.Open(previous, WebhookContext(record.Id)) : null,
            PreviousWebhookSecretValidUntil = record.PreviousWebhookSecretValidUntil,
            ActiveApiKeyIds = record.ApiKeys.Select(k => k.Id).ToList(),
        };

    // Bound to the tenant: a sealed secret copied onto another tenant's row does not open there.
    private static string WebhookContext(string tenantId) => $"tenant:{tenantId}:webhook-secret";
}
