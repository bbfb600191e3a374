using System.Globalization;
using Accounts.Core.NubanAccounts;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.NubanAccounts;

/// <summary>
/// Table ExpiryIndex: PartitionKey = the UTC minute of expiry ("yyyyMMddHHmm", so key order is time order),
/// RowKey = "{enc(tenant)}|{enc(accountId)}". Rows are deleted once handled, so a "PartitionKey ≤ this minute" query
/// touches only due rows, never the accounts that are still running.
/// </summary>
public sealed class TableExpiryIndex(StorageTables tables) : IExpiryIndex
{
    public static string MinuteKey(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public async Task AddAsync(ExpiryEntry entry, CancellationToken ct)
    {
        var row = new DynamicTableEntity(MinuteKey(entry.ExpiresAt), RowKey(entry))
            .Set("TenantId", entry.TenantId)
            .Set("AccountId", entry.AccountId)
            .Set("ExpiresAt", entry.ExpiresAt);
        await tables.ExpiryIndex.ExecuteAsync(TableOperation.InsertOrReplace(row), null, null, ct);
    }

    public async Task<IReadOnlyList<ExpiryEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        // Filtered on the exact time too, so rows of the current minute that are not due yet never fill the batch.
        var filter = TableReads.And(
            TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.LessThanOrEqual, MinuteKey(now)),
            TableQuery.GenerateFilterConditionForLong("ExpiresAt", QueryComparisons.LessThan, now.UtcTicks));
        var rows = await tables.ExpiryIndex.QueryAllAsync(filter, ct, limit: max);
        return rows.Select(r => new ExpiryEntry(r.GetString("TenantId"), r.GetString("AccountId"), r.GetTime("ExpiresAt"))).ToList();
    }

    public async Task RemoveAsync(ExpiryEntry entry, CancellationToken ct)
    {
        var row = new DynamicTableEntity(MinuteKey(entry.ExpiresAt), RowKey(entry)) { ETag = "*" };
        try
        {
            await tables.ExpiryIndex.ExecuteAsync(TableOperation.Delete(row), null, null, ct);
        }
        catch (StorageException e) when (e.Is(StorageStatus.NotFound))
        {
            // Removed already (another timer run): the goal is reached.
        }
    }

    private static string RowKey(ExpiryEntry entry) => $"{KeyEncoder.Encode(entry.TenantId)}|{KeyEncoder.Encode(entry.AccountId)}";
}
