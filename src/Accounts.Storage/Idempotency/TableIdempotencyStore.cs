using Accounts.Core.Errors;
using Accounts.Core.Idempotency;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Idempotency;

/// <summary>Insert-if-absent records; the storage layer, not a prior read, decides who saw a key first.</summary>
public sealed class TableIdempotencyStore(StorageTables tables) : IIdempotencyStore
{
    // A record can be deleted between our failed insert and our read; a few rounds settle who owns the key.
    private const int MaxAttempts = 5;

    public async Task<(bool Inserted, IdempotencyRecord Record)> TryInsertAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var row = IdempotencyRows.From(record with { Version = null });
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                var result = await tables.Idempotency.ExecuteAsync(TableOperation.Insert(row), TableWrites.Once, null, ct);
                return (true, record with { Version = result.Etag });
            }
            catch (StorageException e) when (e.Is(StorageStatus.Conflict))
            {
                var existing = await tables.Idempotency.GetAsync(row.PartitionKey, row.RowKey, ct);
                if (existing is not null)
                {
                    return (false, IdempotencyRows.To(existing));
                }
            }
        }

        throw new ConcurrencyException($"Idempotency key '{record.Key}' kept changing; try again");
    }

    public async Task<IdempotencyRecord> ReplaceAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var row = IdempotencyRows.From(RequireVersion(record));
        try
        {
            var result = await tables.Idempotency.ExecuteAsync(TableOperation.Replace(row), TableWrites.Once, null, ct);
            return record with { Version = result.Etag };
        }
        catch (StorageException e) when (e.Is(StorageStatus.PreconditionFailed) || e.Is(StorageStatus.NotFound))
        {
            // A deleted record is as stale as a changed one: the caller no longer owns the key.
            throw new ConcurrencyException($"Idempotency key '{record.Key}' changed since it was read");
        }
    }

    public async Task DeleteAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var row = IdempotencyRows.From(RequireVersion(record));
        try
        {
            await tables.Idempotency.ExecuteAsync(TableOperation.Delete(row), TableWrites.Once, null, ct);
        }
        catch (StorageException e) when (e.Is(StorageStatus.PreconditionFailed) || e.Is(StorageStatus.NotFound))
        {
            throw new ConcurrencyException($"Idempotency key '{record.Key}' changed since it was read");
        }
    }

    // Without a version, Replace/Delete would need ETag "*", an unconditional overwrite.
    private static IdempotencyRecord RequireVersion(IdempotencyRecord record) =>
        record.Version is null ? throw new ArgumentException("The record's Version is required", nameof(record)) : record;
}
