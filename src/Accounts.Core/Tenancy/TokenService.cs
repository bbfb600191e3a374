using Accounts.Core.Caching;
using Accounts.Core.Errors;
using Accounts.Core.Security;

namespace Accounts.Core.Tenancy;

/// <summary>
/// Issues opaque bearer tokens (256 random bits) to tenants and checks them. Only the token's keyed hash is stored,
/// with the API key it was issued under: a token is live only while that key is active on the tenant, so revoking a
/// key revokes its tokens (as fast as the tenant's cache bound). Token rows never change, so lookups are cached briefly.
/// </summary>
public sealed class TokenService(ITokenStore tokens, KeyedHash hash, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const int MaxCached = 10_000;

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly RecentValues<string, AccessToken> _cache = new(CacheFor, MaxCached, clock);

    public async Task<IssuedToken> IssueAsync(AuthenticatedKey caller, string clientSecret, CancellationToken ct)
    {
        if (!hash.Matches(TenantSecrets.ClientSecretPurpose, clientSecret, caller.Tenant.ClientSecretHash))
        {
            throw DomainException.Unauthorized("client_secret is not valid");
        }

        var value = GeneratedSecret.New(prefix: string.Empty);
        var token = new AccessToken(hash.Of(TenantSecrets.AccessTokenPurpose, value), caller.Tenant.Id, caller.KeyId, clock.GetUtcNow() + Lifetime);
        await tokens.InsertAsync(token, ct);
        return new IssuedToken(value, Lifetime);
    }

    /// <summary>
    /// Throws Unauthorized unless <paramref name="token"/> is a live token of <paramref name="tenant"/> issued under one
    /// of its active keys.
    /// </summary>
    public async Task ValidateAsync(Tenant tenant, string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tokenHash = hash.Of(TenantSecrets.AccessTokenPurpose, token);
        if (!_cache.TryGet(tokenHash, out var stored))
        {
            var before = _cache.BeforeRead();
            stored = await tokens.FindAsync(tokenHash, ct);
            if (stored is not null)
            {
                _cache.RememberRead(tokenHash, stored, before);
            }
        }

        if (stored is null || stored.TenantId != tenant.Id)
        {
            throw DomainException.Unauthorized("access token is not valid");
        }

        if (!tenant.IsKeyActive(stored.KeyId))
        {
            throw DomainException.Unauthorized("access token was issued under an API key that has been revoked");
        }

        if (stored.ExpiresAt <= now)
        {
            _cache.Forget(tokenHash);
            throw DomainException.Unauthorized("access token has expired");
        }
    }
}

/// <summary>
/// A stored bearer token: only its keyed hash, the tenant it belongs to, the API key it was issued under (revoking the
/// key revokes the token) and its expiry.
/// </summary>
public sealed record AccessToken(string TokenHash, string TenantId, string KeyId, DateTimeOffset ExpiresAt);

/// <summary>A freshly issued bearer token; the only time its plain value exists.</summary>
public sealed record IssuedToken(string Value, TimeSpan ExpiresIn);

public interface ITokenStore
{
    Task InsertAsync(AccessToken token, CancellationToken ct);

    Task<AccessToken?> FindAsync(string tokenHash, CancellationToken ct);
}
