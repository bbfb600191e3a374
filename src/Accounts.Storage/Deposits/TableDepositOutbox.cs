using Accounts.Core.Deposits;
using Accounts.Storage.NubanAccounts;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// Table DepositOutbox: PartitionKey = the UTC minute of arrival ("yyyyMMddHHmm"), RowKey =
/// "{arrival ticks}|{enc(tenant)}|{enc(reference)}|{type}", so key order is arrival order. Rows live only while an
/// event is in flight, so the due query reads in-flight events, never the deposit history.
/// </summary>
public sealed class TableDepositOutbox(StorageTables tables) : IDepositOutbox
{
    public async Task AddAsync(DepositOutboxEntry entry, CancellationToken ct)
    {
        var row = new TableEntity(Partition(entry), Row(entry))
            .Set("TenantId", entry.TenantId)
            .Set("Reference", entry.Reference)
            .Set("Type", entry.Type.ToString())
            .Set("ReceivedAt", entry.ReceivedAt)
            .Set("DueAt", entry.DueAt);
        await tables.DepositOutbox.UpsertAsync(row, ct);
    }

    public async Task<IReadOnlyList<DepositOutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        // DueAt is never before arrival, so partitions after this minute hold nothing due.
        var filter = TableReads.And(
            TableReads.Compare("PartitionKey", "le", TableExpiryIndex.MinuteKey(now)),
            TableReads.Compare("DueAt", "le", now.UtcTicks));
        var rows = await tables.DepositOutbox.QueryAllAsync(filter, ct, limit: max);
        return rows.Select(r => new DepositOutboxEntry(r.RequireString("TenantId"), r.RequireString("Reference"), r.GetEnum<DepositEventType>("Type"),
                r.GetTime("ReceivedAt"))
            {
                DueAt = r.GetTime("DueAt"),
            })
            .ToList();
    }

    public async Task RemoveAsync(DepositOutboxEntry entry, CancellationToken ct)
    {
        // False when removed already (queued, then processed; or swept): the goal is reached either way.
        await tables.DepositOutbox.DeleteAsync(Partition(entry), Row(entry), version: null, ct);
    }

    private static string Partition(DepositOutboxEntry entry) => TableExpiryIndex.MinuteKey(entry.ReceivedAt);

    private static string Row(DepositOutboxEntry entry) =>
        $"{entry.ReceivedAt.UtcTicks:D19}|{KeyEncoder.Encode(entry.TenantId)}|{KeyEncoder.Encode(entry.Reference)}|{(int)entry.Type}";
}
