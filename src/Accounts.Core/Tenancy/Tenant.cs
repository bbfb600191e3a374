namespace Accounts.Core.Tenancy;

/// <summary>
/// An API client (the seeds say product, merchant or partner). Secrets for authentication are stored only as
/// SHA-256 hashes; the webhook secret is kept as is because signatures are computed with it.
/// </summary>
public sealed record Tenant(
    string Id,
    string Name,
    string ProductId,
    string PartnerId,
    string Environment,
    string ClientSecretHash,
    string WebhookSecret);
