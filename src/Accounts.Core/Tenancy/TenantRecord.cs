namespace Accounts.Core.Tenancy;

/// <summary>
/// A tenant as stored: no secret in clear. The client secret is a keyed hash, the webhook secrets are sealed
/// (encrypted, because signing needs them back), and <see cref="ApiKeys"/> lists the active keys: a key not listed
/// here is revoked, whatever else is stored about it. <see cref="Version"/> is the storage version it was read with.
/// </summary>
public sealed record TenantRecord(
    string Id,
    string Name,
    string ProductId,
    string PartnerId,
    string Environment,
    string ClientSecretHash,
    string WebhookSecretSealed,
    IReadOnlyList<ApiKeyInfo> ApiKeys,
    DateTimeOffset CreatedAt)
{
    public string? PreviousWebhookSecretSealed { get; init; }

    public DateTimeOffset? PreviousWebhookSecretValidUntil { get; init; }

    public string? Version { get; init; }
}

/// <summary>An active API key of a tenant, by id; the key itself is never stored.</summary>
public sealed record ApiKeyInfo(string Id, DateTimeOffset CreatedAt);

/// <summary>Which tenant and key an API key hash belongs to. Says nothing about whether the key is still active.</summary>
public sealed record ApiKeyOwner(string KeyHash, string TenantId, string KeyId);
