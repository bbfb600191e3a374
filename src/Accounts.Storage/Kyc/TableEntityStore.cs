using Accounts.Core.Kyc;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Kyc;

/// <summary>Entities live in one partition per tenant of the Entities table.</summary>
public sealed class TableEntityStore(StorageTables tables) : IEntityStore
{
    public async Task<Entity> InsertAsync(Entity entity, CancellationToken ct) =>
        entity with { Version = await tables.Entities.InsertNewAsync(EntityRows.From(entity with { Version = null }), $"Entity '{entity.Id}'", ct) };

    public async Task<Entity> UpdateAsync(Entity entity, CancellationToken ct) =>
        entity with { Version = await tables.Entities.ReplaceIfCurrentAsync(EntityRows.From(entity), $"Entity '{entity.Id}'", ct) };

    public async Task<Entity?> GetAsync(string tenantId, string entityId, CancellationToken ct)
    {
        var row = await tables.Entities.GetAsync(EntityRows.Partition(tenantId), EntityRows.Row(entityId), ct);
        return row is null ? null : EntityRows.To(row);
    }
}
