namespace Accounts.Core.Tenancy;

public interface ITenantStore
{
    /// <summary>Creates or replaces a tenant and maps each API key hash to it.</summary>
    Task SaveAsync(Tenant tenant, IReadOnlyCollection<string> apiKeyHashes, CancellationToken ct);

    Task<Tenant?> GetAsync(string tenantId, CancellationToken ct);

    Task<Tenant?> FindByApiKeyHashAsync(string apiKeyHash, CancellationToken ct);
}
