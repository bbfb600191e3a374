using Accounts.Core.Caching;
using Accounts.Core.Errors;
using Accounts.Core.Security;

namespace Accounts.Core.Tenancy;

/// <summary>
/// Finds the tenant behind an API key. Tenants are cached for at most <see cref="CacheBound"/>, so a change made on
/// another instance (a revoked key, a rotated secret) takes effect here within that bound; a change made through this
/// instance calls <see cref="Forget"/> and takes effect at once.
/// </summary>
public sealed class TenantDirectory(ITenantStore store, KeyedHash hash, SecretBox box, TimeProvider clock)
{
    public static readonly TimeSpan CacheBound = TimeSpan.FromSeconds(30);

    private const int MaxCached = 10_000;

    // Which tenant and key a hash belongs to never changes, so only found owners are cached; whether the key is still
    // active is read from the tenant, whose cache entry is bounded.
    private readonly RecentValues<string, ApiKeyOwner> _owners = new(Timeout.InfiniteTimeSpan, MaxCached, clock);
    private readonly RecentValues<string, Tenant> _tenants = new(CacheBound, MaxCached, clock);

    /// <summary>Throws Unauthorized for an unknown or revoked key.</summary>
    public async Task<Tenant> AuthenticateAsync(string apiKey, CancellationToken ct) =>
        (await AuthenticateKeyAsync(apiKey, ct)).Tenant;

    /// <summary>The tenant and which of its keys was presented; Unauthorized for an unknown or revoked key.</summary>
    public async Task<AuthenticatedKey> AuthenticateKeyAsync(string apiKey, CancellationToken ct)
    {
        var keyHash = hash.HashApiKey(apiKey);
        if (!_owners.TryGet(keyHash, out var owner))
        {
            var before = _owners.BeforeRead();
            owner = await store.FindApiKeyAsync(keyHash, ct);
            if (owner is not null)
            {
                _owners.RememberRead(keyHash, owner, before);
            }
        }

        var tenant = owner is null ? null : await GetAsync(owner.TenantId, ct);
        return tenant is not null && tenant.IsKeyActive(owner!.KeyId)
            ? new AuthenticatedKey(tenant, owner.KeyId)
            : throw DomainException.Unauthorized("x-api-key is not valid");
    }

    public async Task<Tenant?> GetAsync(string tenantId, CancellationToken ct)
    {
        if (_tenants.TryGet(tenantId, out var cached))
        {
            return cached;
        }

        var before = _tenants.BeforeRead();
        var record = await store.GetAsync(tenantId, ct);
        if (record is null)
        {
            return null;
        }

        var tenant = box.Open(record);
        _tenants.RememberRead(tenantId, tenant, before);
        return tenant;
    }

    /// <summary>Drops the cached tenant, so the next request reads what was just written.</summary>
    public void Forget(string tenantId) => _tenants.Forget(tenantId);

    /// <summary>
    /// Creates or overwrites a tenant from configuration (the development tenant): its secrets become exactly the
    /// configured ones and the configured API key its only active key, so a key that was configured before stops working.
    /// </summary>
    public async Task RegisterAsync(TenantRegistration registration, CancellationToken ct)
    {
        var keyHash = hash.HashApiKey(registration.ApiKey);
        // Derived from the key, so a restart with the same configuration keeps tokens issued under it valid.
        var keyId = "cfg_" + keyHash[..16];
        await store.AddApiKeyAsync(new ApiKeyOwner(keyHash, registration.Id, keyId), ct);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await store.GetAsync(registration.Id, ct);
            var now = clock.GetUtcNow();
            var record = new TenantRecord(registration.Id, registration.Name, registration.ProductId, registration.PartnerId,
                registration.Environment, hash.HashClientSecret(registration.ClientSecret),
                box.SealWebhookSecret(registration.Id, registration.WebhookSecret),
                [existing?.ApiKeys.FirstOrDefault(k => k.Id == keyId) ?? new ApiKeyInfo(keyId, now)],
                existing?.CreatedAt ?? now) { Version = existing?.Version };
            try
            {
                await (existing is null ? store.InsertAsync(record, ct) : store.ReplaceAsync(record, ct));
                return;
            }
            catch (ConcurrencyException) when (attempt < 3)
            {
                // Written meanwhile by another instance starting with the same configuration: read it again.
            }
            finally
            {
                Forget(registration.Id);
            }
        }
    }
}

/// <summary>A caller proven by an active API key: the tenant and which of its keys was presented.</summary>
public sealed record AuthenticatedKey(Tenant Tenant, string KeyId);
