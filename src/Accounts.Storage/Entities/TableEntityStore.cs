using Accounts.Core.Entities;
using Accounts.Core.Errors;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Entities;

/// <summary>Entities live in one partition per tenant of the Entities table.</summary>
public sealed class TableEntityStore(StorageTables tables) : IEntityStore
{
    public async Task<Entity> InsertAsync(Entity entity, CancellationToken ct)
    {
        try
        {
            var result = await tables.Entities.ExecuteAsync(TableOperation.Insert(EntityRows.From(entity with { Version = null })),
                TableWrites.Once, null, ct);
            return entity with { Version = result.Etag };
        }
        catch (StorageException e) when (e.Is(StorageStatus.Conflict))
        {
            throw new ConcurrencyException($"Entity '{entity.Id}' already exists");
        }
    }

    public async Task<Entity> UpdateAsync(Entity entity, CancellationToken ct)
    {
        if (entity.Version is null)
        {
            throw new ArgumentException("An entity update needs the Version it was read with", nameof(entity));
        }

        try
        {
            var result = await tables.Entities.ExecuteAsync(TableOperation.Replace(EntityRows.From(entity)), TableWrites.Once, null, ct);
            return entity with { Version = result.Etag };
        }
        catch (StorageException e) when (e.Is(StorageStatus.PreconditionFailed))
        {
            throw new ConcurrencyException($"Entity '{entity.Id}' changed since it was read");
        }
    }

    public async Task<Entity?> GetAsync(string tenantId, string entityId, CancellationToken ct)
    {
        var row = await tables.Entities.GetAsync(EntityRows.Partition(tenantId), EntityRows.Row(entityId), ct);
        return row is null ? null : EntityRows.To(row);
    }
}
