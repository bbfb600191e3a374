namespace Accounts.Core.Tenancy;

/// <summary>
/// An API client (the seeds say product, merchant or partner) as the service works with it: the client secret only
/// as a keyed hash, the webhook signing secrets opened (they sign and verify), and the ids of its active API keys.
/// Stored as <see cref="TenantRecord"/>, where the webhook secrets are encrypted.
/// </summary>
public sealed record Tenant(
    string Id,
    string Name,
    string ProductId,
    string PartnerId,
    string Environment,
    string ClientSecretHash,
    string WebhookSecret)
{
    /// <summary>The secret replaced by the last rotation, still accepted until <see cref="PreviousWebhookSecretValidUntil"/>.</summary>
    public string? PreviousWebhookSecret { get; init; }

    public DateTimeOffset? PreviousWebhookSecretValidUntil { get; init; }

    public IReadOnlyList<string> ActiveApiKeyIds { get; init; } = [];

    public bool IsKeyActive(string keyId) => ActiveApiKeyIds.Contains(keyId, StringComparer.Ordinal);

    /// <summary>The secrets a webhook signature may be made with at <paramref name="now"/>: the current one first.</summary>
    public IReadOnlyList<string> WebhookSecretsValidAt(DateTimeOffset now) =>
        PreviousWebhookSecret is { } previous && PreviousWebhookSecretValidUntil is { } until && now < until
            ? [WebhookSecret, previous]
            : [WebhookSecret];

    /// <summary>Never the secrets: a tenant written to a log must not leak them.</summary>
    public override string ToString() => $"Tenant {Id}";
}
