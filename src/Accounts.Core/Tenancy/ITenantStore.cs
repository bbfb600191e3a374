using Accounts.Core.Errors;

namespace Accounts.Core.Tenancy;

public interface ITenantStore
{
    /// <summary>Creates a tenant; <see cref="ConcurrencyException"/> when the id is taken.</summary>
    Task InsertAsync(TenantRecord tenant, CancellationToken ct);

    /// <summary>
    /// Replaces a tenant read at <see cref="TenantRecord.Version"/> and returns it at its new version;
    /// <see cref="ConcurrencyException"/> when it changed since.
    /// </summary>
    Task<TenantRecord> ReplaceAsync(TenantRecord tenant, CancellationToken ct);

    Task<TenantRecord?> GetAsync(string tenantId, CancellationToken ct);

    /// <summary>
    /// Maps an API key hash to its tenant and key id, for lookups by key. Writing the same mapping again does nothing;
    /// a hash already mapped elsewhere is a <see cref="ConcurrencyException"/> (a mapping is never moved).
    /// </summary>
    Task AddApiKeyAsync(ApiKeyOwner owner, CancellationToken ct);

    Task<ApiKeyOwner?> FindApiKeyAsync(string keyHash, CancellationToken ct);
}
