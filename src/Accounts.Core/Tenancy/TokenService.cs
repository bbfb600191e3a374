using System.Collections.Concurrent;
using System.Security.Cryptography;
using Accounts.Core.Errors;

namespace Accounts.Core.Tenancy;

/// <summary>
/// Issues opaque bearer tokens (256 random bits) to tenants and checks them. Only the token's hash is stored;
/// lookups are cached briefly so a busy client does not cost a storage read per call.
/// </summary>
public sealed class TokenService(ITokenStore tokens, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const int MaxCached = 10_000;

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (AccessToken Token, DateTimeOffset CachedUntil)> _cache = new();

    public async Task<IssuedToken> IssueAsync(Tenant tenant, string clientSecret, CancellationToken ct)
    {
        if (!SecretHash.Matches(clientSecret, tenant.ClientSecretHash))
        {
            throw DomainException.Unauthorized("client_secret is not valid");
        }

        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        await tokens.InsertAsync(new AccessToken(SecretHash.Of(value), tenant.Id, clock.GetUtcNow() + Lifetime), ct);
        return new IssuedToken(value, Lifetime);
    }

    /// <summary>Throws Unauthorized unless <paramref name="token"/> is a live token of <paramref name="tenantId"/>.</summary>
    public async Task ValidateAsync(string tenantId, string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = SecretHash.Of(token);
        AccessToken? stored;
        if (_cache.TryGetValue(hash, out var cached) && cached.CachedUntil > now)
        {
            stored = cached.Token;
        }
        else
        {
            stored = await tokens.FindAsync(hash, ct);
            if (stored is not null)
            {
                if (_cache.Count >= MaxCached)
                {
                    _cache.Clear(); // a cache, not a store: starting over only costs a storage read per token
                }

                _cache[hash] = (stored, now + CacheFor);
            }
        }

        if (stored is null || stored.TenantId != tenantId)
        {
            throw DomainException.Unauthorized("access token is not valid");
        }

        if (stored.ExpiresAt <= now)
        {
            _cache.TryRemove(hash, out _);
            throw DomainException.Unauthorized("access token has expired");
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
