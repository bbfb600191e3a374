using Accounts.Core.Entities;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Entities;

/// <summary>Table NumberPools: PartitionKey "pool", RowKey = country, Next = numbers handed out so far.</summary>
public sealed class TableNumberPoolStore(StorageTables tables) : INumberPoolStore
{
    private const string Partition = "pool";

    public async Task<PoolCounter> ReadAsync(string country, CancellationToken ct)
    {
        var row = await tables.NumberPools.GetAsync(Partition, KeyEncoder.Encode(country), ct);
        return row is null ? new PoolCounter(country, 0, null) : new PoolCounter(country, row.GetInt64("Next"), row.ETag);
    }

    public async Task<bool> TryAdvanceAsync(PoolCounter current, long next, CancellationToken ct)
    {
        var row = new DynamicTableEntity(Partition, KeyEncoder.Encode(current.Country)) { ETag = current.Version }.Set("Next", next);

        // The first allocation inserts (fails if another got there first); later ones replace at the read ETag.
        var operation = current.Version is null ? TableOperation.Insert(row) : TableOperation.Replace(row);
        try
        {
            await tables.NumberPools.ExecuteAsync(operation, TableWrites.Once, null, ct);
            return true;
        }
        catch (StorageException e) when (e.IsConcurrencyConflict())
        {
            return false;
        }
    }
}
