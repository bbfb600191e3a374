using Accounts.Core.Errors;
using Accounts.Core.Idempotency;
using Accounts.Storage.Tables;
using Azure;

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
            if (await tables.Idempotency.TryInsertAsync(row, ct) is { } version)
            {
                return (true, record with { Version = version });
            }

            var existing = await tables.Idempotency.GetAsync(row.PartitionKey, row.RowKey, ct);
            if (existing is not null)
            {
                return (false, IdempotencyRows.To(existing));
            }
        }

        throw new ConcurrencyException($"Idempotency key '{record.Key}' kept changing; try again");
    }

    public async Task<IdempotencyRecord> ReplaceAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var row = IdempotencyRows.From(RequireVersion(record));
        try
        {
            return record with { Version = await tables.Idempotency.ReplaceAsync(row, ct) };
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed) || e.Is(StorageStatus.NotFound))
        {
            // A deleted record is as stale as a changed one: the caller no longer owns the key.
            throw new ConcurrencyException($"Idempotency key '{record.Key}' changed since it was read");
        }
    }

    public async Task DeleteAsync(IdempotencyRecord record, CancellationToken ct)
    {
        RequireVersion(record);
        bool found;
        try
        {
            found = await tables.Idempotency.DeleteAsync(IdempotencyRows.Partition(record.TenantId, record.Scope),
                IdempotencyRows.Row(record.Key), record.Version, ct);
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed))
        {
            found = false;
        }

        if (!found)
        {
            throw new ConcurrencyException($"Idempotency key '{record.Key}' changed since it was read");
        }
    }

    // Without a version, Replace/Delete would need ETag "*", an unconditional overwrite.
    private static IdempotencyRecord RequireVersion(IdempotencyRecord record) =>
        record.Version is null ? throw new ArgumentException("The record's Version is required", nameof(record)) : record;
}
