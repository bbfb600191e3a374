using Accounts.Core.Claims;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Claims;

/// <summary>Table Claims: PartitionKey = encoded scope, RowKey = encoded key, Owner.</summary>
public sealed class TableClaimStore(StorageTables tables) : IClaimStore
{
    public async Task<bool> TryClaimAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        var claim = new TableEntity(KeyEncoder.Encode(scope), KeyEncoder.Encode(key)).Set("Owner", ownerId);
        return await tables.Claims.TryInsertAsync(claim, ct) is not null || await FindOwnerAsync(scope, key, ct) == ownerId;
    }

    public async Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        var row = await tables.Claims.GetAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key), ct);
        if (row is null || row.RequireString("Owner") != ownerId)
        {
            return;
        }

        try
        {
            // ETag-checked: a claim taken over by someone else in between is left alone.
            await tables.Claims.DeleteAsync(row.PartitionKey, row.RowKey, row.Version(), ct);
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed))
        {
            // Already gone or no longer ours: nothing to release.
        }
    }

    public async Task<string?> FindOwnerAsync(string scope, string key, CancellationToken ct)
    {
        var row = await tables.Claims.GetAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key), ct);
        return row?.RequireString("Owner");
    }
}
