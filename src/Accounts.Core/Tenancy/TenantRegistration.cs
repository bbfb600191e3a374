namespace Accounts.Core.Tenancy;

/// <summary>A tenant with its plain secrets, as configured; only hashes of the API key and client secret are stored.</summary>
public sealed record TenantRegistration(
    string Id,
    string Name,
    string ProductId,
    string PartnerId,
    string Environment,
    string ApiKey,
    string ClientSecret,
    string WebhookSecret);
