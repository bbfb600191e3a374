using Accounts.Core.Claims;
using Accounts.Core.Errors;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Claims;

/// <summary>
/// Table Claims: PartitionKey = encoded scope, RowKey = encoded key, Owner, and Fingerprint when the claim has one
/// (rows written before fingerprints were kept have none and read as such). A claim with a recorded outcome also has
/// ClaimedAt and, once done, the outcome split over Outcome0..N (OutcomeChunks): a string property holds at most
/// 64 KiB and the whole row stays under 1 MiB.
/// </summary>
public sealed class TableClaimStore(StorageTables tables) : IClaimStore
{
    // A claim can be released between our failed insert and our read; a few rounds settle who holds the key.
    private const int MaxAttempts = 5;
    private const int ChunkLength = 30_000;

    /// <summary>Outcomes longer than this would not fit in one row; they are refused rather than cut.</summary>
    public const int MaxOutcomeLength = 15 * ChunkLength;

    public async Task<KeyClaim> ClaimAsync(string scope, string key, string ownerId, string? fingerprint, CancellationToken ct)
    {
        var claim = Row(scope, key).Set("Owner", ownerId).Set("Fingerprint", fingerprint);
        var (inserted, held) = await InsertOrReadAsync(claim, $"{scope}/{key}", ct);
        return inserted ? new KeyClaim(ownerId, fingerprint) : new KeyClaim(held.RequireString("Owner"), held.GetStringOrNull("Fingerprint"));
    }

    public async Task<KeyClaim?> FindAsync(string scope, string key, CancellationToken ct)
    {
        var row = await tables.Claims.GetAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key), ct);
        return row is null ? null : new KeyClaim(row.RequireString("Owner"), row.GetStringOrNull("Fingerprint"));
    }

    public async Task ReleaseAsync(string scope, string key, string ownerId, CancellationToken ct)
    {
        var row = await tables.Claims.GetAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key), ct);
        if (row is null || row.RequireString("Owner") != ownerId)
        {
            return;
        }

        await DeleteAtAsync(row.PartitionKey, row.RowKey, row.Version(), ct);
    }

    public async Task<(bool Inserted, RecordedClaim Claim)> ClaimAsync(string scope, string key, RecordedClaim claim, CancellationToken ct)
    {
        var (inserted, held) = await InsertOrReadAsync(From(scope, key, claim with { Version = null }), $"{scope}/{key}", ct);
        return (inserted, inserted ? claim with { Version = held.Version() } : To(held));
    }

    public async Task<RecordedClaim> ReplaceAsync(string scope, string key, RecordedClaim claim, CancellationToken ct)
    {
        var row = From(scope, key, claim.Version is null
            ? throw new ArgumentException("The claim's Version is required", nameof(claim)) : claim);
        try
        {
            return claim with { Version = await tables.Claims.ReplaceAsync(row, ct) };
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed) || e.Is(StorageStatus.NotFound))
        {
            // A released claim is as stale as a changed one: the caller no longer holds the key.
            throw new ConcurrencyException($"Claim {scope}/{key} changed since it was read");
        }
    }

    public Task<bool> ReleaseAsync(string scope, string key, RecordedClaim claim, CancellationToken ct) =>
        DeleteAtAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key),
            claim.Version ?? throw new ArgumentException("The claim's Version is required", nameof(claim)), ct);

    private async Task<(bool Inserted, TableEntity Row)> InsertOrReadAsync(TableEntity claim, string what, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await tables.Claims.TryInsertAsync(claim, ct) is { } version)
            {
                return (true, claim.WithVersion(version));
            }

            if (await tables.Claims.GetAsync(claim.PartitionKey, claim.RowKey, ct) is { } held)
            {
                return (false, held);
            }
        }

        throw new ConcurrencyException($"Claim {what} kept changing; try again");
    }

    private async Task<bool> DeleteAtAsync(string partition, string row, string version, CancellationToken ct)
    {
        try
        {
            // ETag-checked: a claim taken over by someone else in between is left alone.
            return await tables.Claims.DeleteAsync(partition, row, version, ct);
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed))
        {
            // No longer ours: nothing to release.
            return false;
        }
    }

    private static TableEntity Row(string scope, string key) => new(KeyEncoder.Encode(scope), KeyEncoder.Encode(key));

    private static TableEntity From(string scope, string key, RecordedClaim claim)
    {
        var row = Row(scope, key).WithVersion(claim.Version)
            .Set("Owner", claim.Owner)
            .Set("Fingerprint", claim.Fingerprint)
            .Set("ClaimedAt", claim.ClaimedAt);
        if (claim.Outcome is { } outcome)
        {
            if (outcome.Length > MaxOutcomeLength)
            {
                throw new ArgumentException($"An outcome of {outcome.Length} characters is too long to store", nameof(claim));
            }

            var chunks = outcome.Chunk(ChunkLength).Select(c => new string(c)).ToList();
            row.Set("OutcomeChunks", chunks.Count);
            for (var i = 0; i < chunks.Count; i++)
            {
                row.Set($"Outcome{i}", chunks[i]);
            }
        }

        return row;
    }

    private static RecordedClaim To(TableEntity row)
    {
        var chunks = row.GetInt32OrNull("OutcomeChunks");
        var outcome = chunks is null ? null : string.Concat(Enumerable.Range(0, chunks.Value).Select(i => row.RequireString($"Outcome{i}")));
        return new RecordedClaim(row.RequireString("Owner"), row.RequireString("Fingerprint"), row.GetTime("ClaimedAt"), outcome, row.Version());
    }
}
