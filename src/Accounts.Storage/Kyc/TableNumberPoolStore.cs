using Accounts.Core.Accounts.Numbers;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Kyc;

/// <summary>Table NumberPools: PartitionKey "pool", RowKey = country, Next = numbers handed out so far.</summary>
public sealed class TableNumberPoolStore(StorageTables tables) : INumberPoolStore
{
    private const string Partition = "pool";

    public async Task<PoolCounter> ReadAsync(string country, CancellationToken ct)
    {
        var row = await tables.NumberPools.GetAsync(Partition, KeyEncoder.Encode(country), ct);
        return row is null ? new PoolCounter(country, 0, null) : new PoolCounter(country, row.RequireInt64("Next"), row.Version());
    }

    public async Task<bool> TryAdvanceAsync(PoolCounter current, long next, CancellationToken ct)
    {
        var row = new TableEntity(Partition, KeyEncoder.Encode(current.Country)).WithVersion(current.Version).Set("Next", next);

        // The first allocation inserts (fails if another got there first); later ones replace at the read ETag.
        if (current.Version is null)
        {
            return await tables.NumberPools.TryInsertAsync(row, ct) is not null;
        }

        try
        {
            await tables.NumberPools.ReplaceAsync(row, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConcurrencyConflict())
        {
            return false;
        }
    }
}
