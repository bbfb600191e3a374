using Accounts.Core.Errors;
using Accounts.Core.Security;

namespace Accounts.Core.Tenancy;

/// <summary>
/// The operator's credential lifecycle. Every credential is generated here and returned once; what is stored is its
/// keyed hash (keys, client secrets) or its sealed form (webhook secrets). Changes are version-checked writes of the
/// tenant row, so two concurrent operators can never, say, both add a second key and leave three active.
/// </summary>
public sealed class TenantAdministration(ITenantStore store, TenantDirectory directory, KeyedHash hash, SecretBox box, TimeProvider clock)
{
    /// <summary>Two, so a client can roll: issue the new key, deploy it, revoke the old one.</summary>
    public const int MaxActiveKeys = 2;

    public static readonly TimeSpan WebhookSecretOverlap = TimeSpan.FromHours(24);

    private const int MaxAttempts = 5;

    public async Task<CreatedTenant> CreateAsync(NewTenant request, CancellationToken ct)
    {
        var apiKey = await NewKeyAsync(request.Id, ct);
        var clientSecret = GeneratedSecret.New(GeneratedSecret.ClientSecretPrefix);
        var webhookSecret = GeneratedSecret.New(GeneratedSecret.WebhookSecretPrefix);
        var record = new TenantRecord(request.Id, request.Name, request.ProductId, request.PartnerId, request.Environment,
            hash.HashClientSecret(clientSecret), box.SealWebhookSecret(request.Id, webhookSecret),
            [new ApiKeyInfo(apiKey.Id, apiKey.CreatedAt)], clock.GetUtcNow());
        try
        {
            await store.InsertAsync(record, ct);
        }
        catch (ConcurrencyException)
        {
            // The key mapped above names this id but is in no tenant's active list, so it opens nothing.
            throw DomainException.Conflict($"tenant {request.Id} already exists");
        }
        finally
        {
            directory.Forget(request.Id);
        }

        return new CreatedTenant(record, apiKey, clientSecret, webhookSecret);
    }

    public async Task<TenantRecord> GetAsync(string tenantId, CancellationToken ct) =>
        await store.GetAsync(tenantId, ct) ?? throw NotFound(tenantId);

    /// <summary>Conflict when the tenant already has <see cref="MaxActiveKeys"/> active keys.</summary>
    public async Task<IssuedApiKey> IssueApiKeyAsync(string tenantId, CancellationToken ct)
    {
        await GetAsync(tenantId, ct);
        var key = await NewKeyAsync(tenantId, ct);
        await UpdateAsync(tenantId, tenant => tenant.ApiKeys.Count >= MaxActiveKeys
            ? throw DomainException.Conflict($"tenant {tenantId} already has {MaxActiveKeys} active API keys; revoke one first")
            : tenant with { ApiKeys = [.. tenant.ApiKeys, new ApiKeyInfo(key.Id, key.CreatedAt)] }, ct);
        return key;
    }

    /// <summary>The key, and every token issued under it, stop working: here at once, elsewhere within the cache bound.</summary>
    public Task RevokeApiKeyAsync(string tenantId, string keyId, CancellationToken ct) =>
        UpdateAsync(tenantId, tenant => tenant.ApiKeys.Any(k => k.Id == keyId)
            ? tenant with { ApiKeys = tenant.ApiKeys.Where(k => k.Id != keyId).ToList() }
            : throw DomainException.NotFound($"API key {keyId} is not an active key of tenant {tenantId}"), ct);

    /// <summary>The old secret stops issuing tokens; tokens already issued live out their lifetime.</summary>
    public async Task<string> RotateClientSecretAsync(string tenantId, CancellationToken ct)
    {
        var secret = GeneratedSecret.New(GeneratedSecret.ClientSecretPrefix);
        await UpdateAsync(tenantId, tenant => tenant with { ClientSecretHash = hash.HashClientSecret(secret) }, ct);
        return secret;
    }

    /// <summary>
    /// The new secret signs from now on; the one it replaces still verifies for <see cref="WebhookSecretOverlap"/>, so
    /// webhooks signed while the sender switches over are accepted. A secret older than that is dropped.
    /// </summary>
    public async Task<RotatedWebhookSecret> RotateWebhookSecretAsync(string tenantId, CancellationToken ct)
    {
        var secret = GeneratedSecret.New(GeneratedSecret.WebhookSecretPrefix);
        var until = clock.GetUtcNow() + WebhookSecretOverlap;
        await UpdateAsync(tenantId, tenant => tenant with
        {
            WebhookSecretSealed = box.SealWebhookSecret(tenantId, secret),
            PreviousWebhookSecretSealed = tenant.WebhookSecretSealed,
            PreviousWebhookSecretValidUntil = until,
        }, ct);
        return new RotatedWebhookSecret(secret, until);
    }

    // The key is mapped before any tenant lists it, so a listed key always resolves.
    private async Task<IssuedApiKey> NewKeyAsync(string tenantId, CancellationToken ct)
    {
        var key = new IssuedApiKey(GeneratedSecret.NewId("key_"), GeneratedSecret.New(GeneratedSecret.ApiKeyPrefix), clock.GetUtcNow());
        await store.AddApiKeyAsync(new ApiKeyOwner(hash.HashApiKey(key.Value), tenantId, key.Id), ct);
        return key;
    }

    private async Task UpdateAsync(string tenantId, Func<TenantRecord, TenantRecord> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var changed = change(await GetAsync(tenantId, ct));
            try
            {
                await store.ReplaceAsync(changed, ct);
                return;
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another operator call changed the tenant since it was read: decide again on the fresh row.
            }
            finally
            {
                directory.Forget(tenantId);
            }
        }
    }

    private static DomainException NotFound(string tenantId) => DomainException.NotFound($"tenant {tenantId} does not exist");
}

/// <summary>An operator's request for a tenant, already validated; the service generates every credential.</summary>
public sealed record NewTenant(string Id, string Name, string ProductId, string PartnerId, string Environment);

/// <summary>A created tenant with its first credentials: the only time their plain values exist.</summary>
public sealed record CreatedTenant(TenantRecord Tenant, IssuedApiKey ApiKey, string ClientSecret, string WebhookSecret);

/// <summary>A new API key and its id (the id names it in operator calls; the key is shown once).</summary>
public sealed record IssuedApiKey(string Id, string Value, DateTimeOffset CreatedAt);

/// <summary>A new webhook signing secret; the previous one still verifies until <see cref="PreviousValidUntil"/>.</summary>
public sealed record RotatedWebhookSecret(string Value, DateTimeOffset PreviousValidUntil);
