using System.Collections.Concurrent;
using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

namespace Accounts.Core.Tests.Tenancy;

/// <summary>Tenant, key and token stores in memory, with versions checked like the table store's ETags.</summary>
internal sealed class InMemoryTenants : ITenantStore, ITokenStore
{
    private readonly ConcurrentDictionary<string, TenantRecord> _tenants = new();
    private readonly ConcurrentDictionary<string, ApiKeyOwner> _keys = new();
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new();
    private int _version;

    public int Reads { get; private set; }

    public IEnumerable<TenantRecord> Tenants => _tenants.Values;

    public IEnumerable<string> KeyHashes => _keys.Keys;

    public IEnumerable<string> TokenHashes => _tokens.Keys;

    public Task InsertAsync(TenantRecord tenant, CancellationToken ct) =>
        _tenants.TryAdd(tenant.Id, tenant with { Version = NextVersion() })
            ? Task.CompletedTask
            : throw new ConcurrencyException($"Tenant {tenant.Id} already exists");

    public Task<TenantRecord> ReplaceAsync(TenantRecord tenant, CancellationToken ct)
    {
        var current = _tenants[tenant.Id];
        var replaced = tenant with { Version = NextVersion() };
        return current.Version == tenant.Version && _tenants.TryUpdate(tenant.Id, replaced, current)
            ? Task.FromResult(replaced)
            : throw new ConcurrencyException($"Tenant {tenant.Id} changed since it was read");
    }

    public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken ct)
    {
        Reads++;
        return Task.FromResult(_tenants.GetValueOrDefault(tenantId));
    }

    public Task AddApiKeyAsync(ApiKeyOwner owner, CancellationToken ct) =>
        _keys.GetOrAdd(owner.KeyHash, owner) == owner ? Task.CompletedTask : throw new ConcurrencyException("API key already exists");

    public Task<ApiKeyOwner?> FindApiKeyAsync(string keyHash, CancellationToken ct) => Task.FromResult(_keys.GetValueOrDefault(keyHash));

    public Task InsertAsync(AccessToken token, CancellationToken ct) =>
        _tokens.TryAdd(token.TokenHash, token) ? Task.CompletedTask : throw new ConcurrencyException("token exists");

    public Task<AccessToken?> FindAsync(string tokenHash, CancellationToken ct) => Task.FromResult(_tokens.GetValueOrDefault(tokenHash));

    private string NextVersion() => Interlocked.Increment(ref _version).ToString();
}
