using Accounts.Core.Errors;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>
/// Writes. Conditional ones (insert-if-absent, ETag replace and delete, transactions) go through
/// <see cref="StorageTable.Once"/>, never retried: a retry of a write that landed but whose answer was lost would come
/// back 409/412 and be read as "someone else won". Upserts and unconditional deletes are safe to repeat.
/// </summary>
internal static class TableWrites
{
    /// <summary>Inserts a new row and returns its ETag; an existing key is a ConcurrencyException naming <paramref name="what"/>.</summary>
    public static async Task<string> InsertNewAsync(this StorageTable table, TableEntity row, string what, CancellationToken ct) =>
        await table.TryInsertAsync(row, ct) ?? throw new ConcurrencyException($"{what} already exists");

    /// <summary>Inserts a new row and returns its ETag, or null when the key exists (409).</summary>
    public static async Task<string?> TryInsertAsync(this StorageTable table, TableEntity row, CancellationToken ct)
    {
        try
        {
            var response = await table.RunAsync(bounded => table.Once.AddEntityAsync(row, bounded), ct);
            return ETagOf(response);
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.Conflict))
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces a row only if its ETag (the version it was read with) is current and returns the new ETag; a changed
    /// row is a ConcurrencyException naming <paramref name="what"/>. A row without an ETag is refused: no blind writes.
    /// </summary>
    public static async Task<string> ReplaceIfCurrentAsync(this StorageTable table, TableEntity row, string what, CancellationToken ct)
    {
        try
        {
            return await table.ReplaceAsync(row, ct);
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed))
        {
            throw new ConcurrencyException($"{what} changed since it was read");
        }
    }

    /// <summary>Replaces a row at its ETag and returns the new ETag; failures (412, 404) surface as RequestFailedException.</summary>
    public static Task<string> ReplaceAsync(this StorageTable table, TableEntity row, CancellationToken ct) =>
        table.UpdateAsync(row, TableUpdateMode.Replace, ct);

    /// <summary>Merges the given properties into a row at its ETag (or any version, with ETag "*").</summary>
    public static Task<string> MergeAsync(this StorageTable table, TableEntity row, CancellationToken ct) =>
        table.UpdateAsync(row, TableUpdateMode.Merge, ct);

    /// <summary>Inserts or replaces a row whatever is there: idempotent, so the retrying client sends it.</summary>
    public static Task UpsertAsync(this StorageTable table, TableEntity row, CancellationToken ct) =>
        table.RunAsync(bounded => table.Client.UpsertEntityAsync(row, TableUpdateMode.Replace, bounded), ct);

    /// <summary>
    /// Deletes a row if its ETag is <paramref name="version"/> (null: whatever its version, a repeatable call). False
    /// when the row was not there; a changed row is a RequestFailedException with 412.
    /// </summary>
    public static async Task<bool> DeleteAsync(this StorageTable table, string partitionKey, string rowKey, string? version, CancellationToken ct)
    {
        var client = version is null ? table.Client : table.Once;
        var ifMatch = version is null ? ETag.All : new ETag(version);

        // The client answers a missing row with its 404 response instead of throwing.
        var response = await table.RunAsync(bounded => client.DeleteEntityAsync(partitionKey, rowKey, ifMatch, bounded), ct);
        return response.Status != StorageStatus.NotFound;
    }

    private static async Task<string> UpdateAsync(this StorageTable table, TableEntity row, TableUpdateMode mode, CancellationToken ct)
    {
        if (!row.HasVersion())
        {
            throw new ArgumentException($"An update of row {row.PartitionKey}/{row.RowKey} needs the version it was read with", nameof(row));
        }

        var client = row.ETag == ETag.All ? table.Client : table.Once;
        var response = await table.RunAsync(bounded => client.UpdateEntityAsync(row, row.ETag, mode, bounded), ct);
        return ETagOf(response);
    }

    private static string ETagOf(Response response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidDataException("The table service answered a write without an ETag");
}
