using Accounts.Core.Errors;

namespace Accounts.Core.Tenancy;

/// <summary>Finds the tenant behind an API key and registers tenants.</summary>
public sealed class TenantDirectory(ITenantStore store)
{
    /// <summary>Throws Unauthorized for an unknown key.</summary>
    public async Task<Tenant> AuthenticateAsync(string apiKey, CancellationToken ct) =>
        await store.FindByApiKeyHashAsync(SecretHash.Of(apiKey), ct)
        ?? throw DomainException.Unauthorized("x-api-key is not valid");

    public Task RegisterAsync(TenantRegistration registration, CancellationToken ct)
    {
        var tenant = new Tenant(registration.Id, registration.Name, registration.ProductId, registration.PartnerId,
            registration.Environment, SecretHash.Of(registration.ClientSecret), registration.WebhookSecret);
        return store.SaveAsync(tenant, [SecretHash.Of(registration.ApiKey)], ct);
    }
}
