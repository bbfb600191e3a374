using System.Globalization;
using Accounts.Core.NubanAccounts;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

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
        var row = new TableEntity(MinuteKey(entry.ExpiresAt), RowKey(entry))
            .Set("TenantId", entry.TenantId)
            .Set("AccountId", entry.AccountId)
            .Set("ExpiresAt", entry.ExpiresAt);
        await tables.ExpiryIndex.UpsertAsync(row, ct);
    }

    public async Task<IReadOnlyList<ExpiryEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        // Filtered on the exact time too, so rows of the current minute that are not due yet never fill the batch.
        var filter = TableReads.And(
            TableReads.Compare("PartitionKey", "le", MinuteKey(now)),
            TableReads.Compare("ExpiresAt", "lt", now.UtcTicks));
        var rows = await tables.ExpiryIndex.QueryAllAsync(filter, ct, limit: max);
        return rows.Select(r => new ExpiryEntry(r.RequireString("TenantId"), r.RequireString("AccountId"), r.GetTime("ExpiresAt"))).ToList();
    }

    public async Task RemoveAsync(ExpiryEntry entry, CancellationToken ct)
    {
        // False when removed already (another timer run): the goal is reached either way.
        await tables.ExpiryIndex.DeleteAsync(MinuteKey(entry.ExpiresAt), RowKey(entry), version: null, ct);
    }

    private static string RowKey(ExpiryEntry entry) => $"{KeyEncoder.Encode(entry.TenantId)}|{KeyEncoder.Encode(entry.AccountId)}";
}
