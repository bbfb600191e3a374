namespace Accounts.Core.Tenancy;

/// <summary>An operator's request for a tenant, already validated; the service generates every credential.</summary>
public sealed record NewTenant(string Id, string Name, string ProductId, string PartnerId, string Environment);

/// <summary>A created tenant with its first credentials: the only time their plain values exist.</summary>
public sealed record CreatedTenant(TenantRecord Tenant, IssuedApiKey ApiKey, string ClientSecret, string WebhookSecret);

/// <summary>A new API key and its id (the id names it in operator calls; the key is shown once).</summary>
public sealed record IssuedApiKey(string Id, string Value, DateTimeOffset CreatedAt);

/// <summary>A new webhook signing secret; the previous one still verifies until <see cref="PreviousValidUntil"/>.</summary>
public sealed record RotatedWebhookSecret(string Value, DateTimeOffset PreviousValidUntil);
