using Accounts.Core.Deposits;
using Accounts.Storage.NubanAccounts;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// Table DepositOutbox: PartitionKey = the UTC minute of arrival ("yyyyMMddHHmm"), RowKey =
/// "{arrival ticks}|{enc(tenant)}|{enc(reference)}|{type}", so key order is arrival order. Rows live only while an
/// event is in flight, so the due query reads in-flight events, never the deposit history. Webhooks arriving together
/// write (and remove) their rows together: one transaction per group of the same minute (<see cref="GroupedWrites"/>).
/// </summary>
public sealed class TableDepositOutbox(StorageTables tables) : IDepositOutbox
{
    private readonly GroupedWrites adds = GroupedWrites.Upserts(tables.DepositOutbox);
    private readonly GroupedWrites removes = GroupedWrites.Deletes(tables.DepositOutbox);

    public async Task AddAsync(DepositOutboxEntry entry, CancellationToken ct)
    {
        var row = new TableEntity(Partition(entry), Row(entry))
            .Set("TenantId", entry.TenantId)
            .Set("Reference", entry.Reference)
            .Set("Type", entry.Type.ToString())
            .Set("ReceivedAt", entry.ReceivedAt)
            .Set("DueAt", entry.DueAt);
        await adds.WriteAsync(row, ct);
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
        // A row removed already (queued, then processed; or swept) is fine: the goal is reached either way.
        await removes.WriteAsync(new TableEntity(Partition(entry), Row(entry)), ct);
    }

    private static string Partition(DepositOutboxEntry entry) => TableExpiryIndex.MinuteKey(entry.ReceivedAt);

    private static string Row(DepositOutboxEntry entry) =>
        $"{entry.ReceivedAt.UtcTicks:D19}|{KeyEncoder.Encode(entry.TenantId)}|{KeyEncoder.Encode(entry.Reference)}|{(int)entry.Type}";
}
