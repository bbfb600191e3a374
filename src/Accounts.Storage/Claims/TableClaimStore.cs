using Accounts.Core.Claims;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Claims;

/// <summary>Table Claims: PartitionKey = encoded scope, RowKey = encoded key, Owner.</summary>
public sealed class TableClaimStore(StorageTables tables) : IClaimStore
{
    public async Task<bool> TryClaimAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        var claim = new DynamicTableEntity(KeyEncoder.Encode(scope), KeyEncoder.Encode(key)).Set("Owner", ownerId);
        try
        {
            await tables.Claims.ExecuteAsync(TableOperation.Insert(claim), TableWrites.Once, null, ct);
            return true;
        }
        catch (StorageException e) when (e.Is(StorageStatus.Conflict))
        {
            return await FindOwnerAsync(scope, key, ct) == ownerId;
        }
    }

    public async Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        var row = await tables.Claims.GetAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key), ct);
        if (row is null || row.GetString("Owner") != ownerId)
        {
            return;
        }

        try
        {
            // ETag-checked: a claim taken over by someone else in between is left alone.
            await tables.Claims.ExecuteAsync(TableOperation.Delete(row), TableWrites.Once, null, ct);
        }
        catch (StorageException e) when (e.Is(StorageStatus.NotFound) || e.Is(StorageStatus.PreconditionFailed))
        {
            // Already gone or no longer ours: nothing to release.
        }
    }

    public async Task<string?> FindOwnerAsync(string scope, string key, CancellationToken ct)
    {
        var row = await tables.Claims.GetAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key), ct);
        return row?.GetString("Owner");
    }
}
