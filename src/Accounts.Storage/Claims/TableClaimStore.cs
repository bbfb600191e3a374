using Accounts.Core.Claims;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Claims;

/// <summary>
/// Table Claims: PartitionKey = encoded scope, RowKey = encoded key, Owner, and Fingerprint when the claim has one
/// (rows written before fingerprints were kept have none and read as such).
/// </summary>
public sealed class TableClaimStore(StorageTables tables) : IClaimStore
{
    // A claim can be released between our failed insert and our read; a few rounds settle who holds the key.
    private const int MaxAttempts = 5;

    public async Task<KeyClaim> ClaimAsync(string scope, string key, string ownerId, string? fingerprint, CancellationToken ct)
    {
        var claim = new TableEntity(KeyEncoder.Encode(scope), KeyEncoder.Encode(key)).Set("Owner", ownerId).Set("Fingerprint", fingerprint);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await tables.Claims.TryInsertAsync(claim, ct) is not null)
            {
                return new KeyClaim(ownerId, fingerprint);
            }

            if (await tables.Claims.GetAsync(claim.PartitionKey, claim.RowKey, ct) is { } held)
            {
                return new KeyClaim(held.RequireString("Owner"), held.GetStringOrNull("Fingerprint"));
            }
        }

        throw new Core.Errors.ConcurrencyException($"Claim {scope}/{key} kept changing; try again");
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
}
