using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Storage.Tenancy;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class TenancyStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    [Fact]
    public async Task A_saved_tenant_is_found_by_id_and_by_each_api_key_hash()
    {
        var store = new TableTenantStore(Tables);
        var tenant = new Tenant("tenant-1", "Acme", "prod-1", "partner-1", "SANDBOX", "secret-hash", "whsec");

        await store.SaveAsync(tenant, ["hash/a", "hash+b="], Ct);
        await store.SaveAsync(tenant with { Name = "Acme 2" }, ["hash/a"], Ct);

        Assert.Equal(tenant with { Name = "Acme 2" }, await store.GetAsync("tenant-1", Ct));
        Assert.Equal("Acme 2", (await store.FindByApiKeyHashAsync("hash/a", Ct))?.Name);
        Assert.Equal("tenant-1", (await store.FindByApiKeyHashAsync("hash+b=", Ct))?.Id);
        Assert.Null(await store.FindByApiKeyHashAsync("unknown", Ct));
        Assert.Null(await store.GetAsync("tenant-2", Ct));
    }

    [Fact]
    public async Task A_token_round_trips_and_is_never_overwritten()
    {
        var store = new TableTokenStore(Tables);
        var token = new AccessToken("tok/hash", "tenant-1", new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(9));

        await store.InsertAsync(token, Ct);

        Assert.Equal(token, await store.FindAsync("tok/hash", Ct));
        Assert.Null(await store.FindAsync("other", Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.InsertAsync(token with { TenantId = "tenant-2" }, Ct));
        Assert.Equal("tenant-1", (await store.FindAsync("tok/hash", Ct))?.TenantId);
    }
}
