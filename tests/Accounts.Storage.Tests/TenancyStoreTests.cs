using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Storage.Tenancy;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class TenancyStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(9);

    private static readonly TenantRecord Acme = new("tenant/1", "Acme", "prod-1", "partner-1", "SANDBOX", "secret-hash", "v1:sealed",
        [new ApiKeyInfo("key_1", T0)], T0);

    [Fact]
    public async Task A_tenant_round_trips_with_its_keys_and_previous_webhook_secret()
    {
        var store = new TableTenantStore(Tables);
        await store.InsertAsync(Acme, Ct);

        var read = await store.GetAsync("tenant/1", Ct);
        var replaced = await store.ReplaceAsync(read! with
        {
            ApiKeys = [.. read.ApiKeys, new ApiKeyInfo("key_2", T0.AddDays(1))],
            PreviousWebhookSecretSealed = "v1:old",
            PreviousWebhookSecretValidUntil = T0.AddHours(24),
        }, Ct);
        var again = await store.GetAsync("tenant/1", Ct);

        Assert.NotNull(read.Version);
        Assert.Equal(Acme with { Version = read.Version }, read with { ApiKeys = Acme.ApiKeys });
        Assert.Equal(Acme.ApiKeys, read.ApiKeys);
        Assert.Equal(replaced.Version, again!.Version);
        Assert.Equal([new ApiKeyInfo("key_1", T0), new ApiKeyInfo("key_2", T0.AddDays(1))], again.ApiKeys);
        Assert.Equal(("v1:old", T0.AddHours(24)), (again.PreviousWebhookSecretSealed, again.PreviousWebhookSecretValidUntil));
        Assert.Null(await store.GetAsync("tenant-2", Ct));
    }

    [Fact]
    public async Task A_tenant_id_is_created_once_and_a_stale_version_is_never_written()
    {
        var store = new TableTenantStore(Tables);
        await store.InsertAsync(Acme, Ct);
        var read = (await store.GetAsync("tenant/1", Ct))!;
        await store.ReplaceAsync(read with { Name = "Acme 2" }, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.InsertAsync(Acme, Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.ReplaceAsync(read with { ApiKeys = [] }, Ct));

        var stored = (await store.GetAsync("tenant/1", Ct))!;
        Assert.Equal(("Acme 2", 1), (stored.Name, stored.ApiKeys.Count));
    }

    [Fact]
    public async Task A_key_hash_maps_to_one_owner_for_good()
    {
        var store = new TableTenantStore(Tables);
        var owner = new ApiKeyOwner("hash/a+b=", "tenant/1", "key_1");

        await store.AddApiKeyAsync(owner, Ct);
        await store.AddApiKeyAsync(owner, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.AddApiKeyAsync(owner with { TenantId = "tenant-2" }, Ct));
        Assert.Equal(owner, await store.FindApiKeyAsync("hash/a+b=", Ct));
        Assert.Null(await store.FindApiKeyAsync("unknown", Ct));
    }

    [Fact]
    public async Task A_token_round_trips_with_its_key_and_is_never_overwritten()
    {
        var store = new TableTokenStore(Tables);
        var token = new AccessToken("tok/hash", "tenant-1", "key_1", T0);

        await store.InsertAsync(token, Ct);

        Assert.Equal(token, await store.FindAsync("tok/hash", Ct));
        Assert.Null(await store.FindAsync("other", Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.InsertAsync(token with { TenantId = "tenant-2" }, Ct));
        Assert.Equal("tenant-1", (await store.FindAsync("tok/hash", Ct))?.TenantId);
    }
}
