using Accounts.Core.Errors;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tables;

internal static class TableWrites
{
    /// <summary>
    /// Options for conditional writes (insert-if-absent, ETag replace, transactions): no client retries. A retry of a
    /// write that landed but whose answer was lost would come back 409/412 and be read as "someone else won", so a
    /// failed attempt must surface as an exception and the caller re-reads to learn the outcome.
    /// </summary>
    public static TableRequestOptions Once => new() { RetryPolicy = new NoRetry() };

    /// <summary>Inserts a new row and returns its ETag; an existing key is a ConcurrencyException naming <paramref name="what"/>.</summary>
    public static async Task<string> InsertNewAsync(this CloudTable table, DynamicTableEntity row, string what, CancellationToken ct)
    {
        try
        {
            return (await table.ExecuteAsync(TableOperation.Insert(row), Once, null, ct)).Etag;
        }
        catch (StorageException e) when (e.Is(StorageStatus.Conflict))
        {
            throw new ConcurrencyException($"{what} already exists");
        }
    }

    /// <summary>
    /// Replaces a row only if its ETag (the version it was read with) is current and returns the new ETag; a changed
    /// row is a ConcurrencyException naming <paramref name="what"/>. A row without an ETag is refused: no blind writes.
    /// </summary>
    public static async Task<string> ReplaceIfCurrentAsync(this CloudTable table, DynamicTableEntity row, string what, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(row.ETag))
        {
            throw new ArgumentException($"An update of {what} needs the Version it was read with", nameof(row));
        }

        try
        {
            return (await table.ExecuteAsync(TableOperation.Replace(row), Once, null, ct)).Etag;
        }
        catch (StorageException e) when (e.Is(StorageStatus.PreconditionFailed))
        {
            throw new ConcurrencyException($"{what} changed since it was read");
        }
    }
}
