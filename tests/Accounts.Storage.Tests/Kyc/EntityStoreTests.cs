using Accounts.Core.Kyc;
using Accounts.Core.Errors;
using Accounts.Storage.Kyc;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests.Kyc;

public sealed class EntityStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 10, 30, 0, 123, TimeSpan.Zero);

    private TableEntityStore Store => new(Tables);

    private static Entity NewEntity(string tenantId = "tenant/1") => new()
    {
        Id = Guid.NewGuid().ToString(), TenantId = tenantId, Type = EntityType.Business, Name = "Acme | Söhne", Country = "KEN",
        Status = EntityStatus.Pending, CreatedAt = Now, UpdatedAt = Now,
    };

    [Fact]
    public async Task An_entity_round_trips_and_is_read_only_within_its_tenant()
    {
        var entity = NewEntity();

        var stored = await Store.InsertAsync(entity, Ct);

        Assert.Equal(stored, await Store.GetAsync(entity.TenantId, entity.Id, Ct));
        Assert.Null(await Store.GetAsync("tenant/2", entity.Id, Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.InsertAsync(entity, Ct));
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_refused()
    {
        var stored = await Store.InsertAsync(NewEntity(), Ct);

        var approved = await Store.UpdateAsync(stored with { Status = EntityStatus.Approved }, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.UpdateAsync(stored with { Status = EntityStatus.Rejected }, Ct));
        Assert.Equal(EntityStatus.Approved, (await Store.GetAsync(stored.TenantId, stored.Id, Ct))!.Status);
        Assert.NotEqual(stored.Version, approved.Version);
    }
}
