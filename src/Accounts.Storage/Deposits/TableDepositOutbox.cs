using System.Collections.Concurrent;
using Accounts.Core.Batching;
using Accounts.Core.Deposits;
using Accounts.Storage.NubanAccounts;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// Table DepositOutbox: PartitionKey = the UTC minute of arrival ("yyyyMMddHHmm"), so the due query reads in-flight
/// events, never the deposit history. A row holds one event, RowKey "{arrival ticks}|{enc(tenant)}|{enc(reference)}|{type}",
/// or, with Deposits:OutboxRowEvents above 1, the events of webhooks that arrived together (<see cref="OutboxRows"/>):
/// one row written and one removed for the lot, instead of one each. Key order is arrival order either way.
/// A shared row is removed once every event in it was removed: this instance counts what remains of the rows it wrote
/// or read; an event it does not know (written by another instance, or before a restart) is left in its row for the
/// sweeper, which finds it processed, or queues it again (applying an event twice has no second effect).
/// Single-event rows are written and removed grouped into transactions (<see cref="GroupedWrites"/>).
/// </summary>
public sealed class TableDepositOutbox : IDepositOutbox
{
    /// <summary>Where the most events per outbox row is configured (1, the default, to <see cref="OutboxRows.MaxEvents"/>).</summary>
    public const string Setting = "Deposits:OutboxRowEvents";

    private readonly StorageTables tables;
    private readonly GroupedWrites adds;
    private readonly GroupedWrites removes;
    private readonly GroupCommit<string, DepositOutboxEntry, bool>? shared;

    private const int MaxHeld = 100_000;

    // The shared row of each event this instance wrote or read, with what remains in it.
    private readonly ConcurrentDictionary<(string TenantId, string Reference, DepositEventType Type, long Ticks), OutboxRows.Held> held = new();

    public TableDepositOutbox(StorageTables tables, int eventsPerRow = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerRow, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eventsPerRow, OutboxRows.MaxEvents);
        this.tables = tables;
        adds = GroupedWrites.Upserts(tables.DepositOutbox);
        removes = GroupedWrites.Deletes(tables.DepositOutbox);
        shared = eventsPerRow == 1
            ? null
            : new GroupCommit<string, DepositOutboxEntry, bool>(eventsPerRow, (_, group) => WriteSharedAsync(group), StringComparer.Ordinal);
    }

    public async Task AddAsync(DepositOutboxEntry entry, CancellationToken ct)
    {
        if (shared is not null)
        {
            await shared.SubmitAsync(Partition(entry), entry, ct);
            return;
        }

        await adds.WriteAsync(SingleRow(entry), ct);
    }

    public async Task<IReadOnlyList<DepositOutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        // DueAt is never before arrival, so partitions after this minute hold nothing due.
        var filter = TableReads.And(
            TableReads.Compare("PartitionKey", "le", TableExpiryIndex.MinuteKey(now)),
            TableReads.Compare("DueAt", "le", now.UtcTicks));
        var rows = await tables.DepositOutbox.QueryAllAsync(filter, ct, limit: max);
        var due = new List<DepositOutboxEntry>();
        foreach (var row in rows.TakeWhile(_ => due.Count < max)) // a shared row counts for its events
        {
            if (OutboxRows.Entries(row) is not { } entries)
            {
                due.Add(new DepositOutboxEntry(row.RequireString("TenantId"), row.RequireString("Reference"), row.GetEnum<DepositEventType>("Type"),
                    row.GetTime("ReceivedAt"))
                {
                    DueAt = row.GetTime("DueAt"),
                });
                continue;
            }

            Hold(row.PartitionKey, row.RowKey, entries);
            due.AddRange(entries);
        }

        return due;
    }

    public async Task RemoveAsync(DepositOutboxEntry entry, CancellationToken ct)
    {
        if (held.TryRemove(Key(entry), out var row))
        {
            if (row.RemoveOne())
            {
                await removes.WriteAsync(new TableEntity(row.Partition, row.RowKey), ct);
            }

            return;
        }

        // A row removed already (queued, then processed; or swept) is fine: the goal is reached either way.
        await removes.WriteAsync(new TableEntity(Partition(entry), SingleRowKey(entry)), ct);
    }

    // A lone event gets the single-event row every version reads; a group gets one row for all.
    private async Task WriteSharedAsync(IReadOnlyList<GroupMember<DepositOutboxEntry, bool>> group)
    {
        try
        {
            var entries = group.Select(m => m.Item).ToList();
            if (entries.Count == 1)
            {
                await tables.DepositOutbox.UpsertAsync(SingleRow(entries[0]), CancellationToken.None);
            }
            else
            {
                var row = OutboxRows.Row(Partition(entries[0]), entries);
                await tables.DepositOutbox.UpsertAsync(row, CancellationToken.None);
                Hold(row.PartitionKey, row.RowKey, entries); // before any of them is answered, so its removal finds the row
            }

            foreach (var member in group)
            {
                member.Complete(true);
            }
        }
        catch (Exception ex)
        {
            foreach (var member in group)
            {
                member.Fail(ex);
            }
        }
    }

    private void Hold(string partition, string rowKey, IReadOnlyList<DepositOutboxEntry> entries)
    {
        // Events whose removal never comes here (their row was swept by another instance) would stay for ever: past the
        // bound, start over. Rows of events dropped here are left to the sweeper, which costs only a redundant send.
        if (held.Count >= MaxHeld)
        {
            held.Clear();
        }

        // Counted by distinct key: a key listed twice (two deliveries of one event in the same tick) is removed once.
        var keys = entries.Select(Key).Distinct().ToList();
        var row = new OutboxRows.Held(partition, rowKey, keys.Count);
        foreach (var key in keys)
        {
            held[key] = row;
        }
    }

    private static (string, string, DepositEventType, long) Key(DepositOutboxEntry entry) =>
        (entry.TenantId, entry.Reference, entry.Type, entry.ReceivedAt.UtcTicks);

    private static TableEntity SingleRow(DepositOutboxEntry entry) =>
        new TableEntity(Partition(entry), SingleRowKey(entry))
            .Set("TenantId", entry.TenantId)
            .Set("Reference", entry.Reference)
            .Set("Type", entry.Type.ToString())
            .Set("ReceivedAt", entry.ReceivedAt)
            .Set("DueAt", entry.DueAt);

    private static string Partition(DepositOutboxEntry entry) => TableExpiryIndex.MinuteKey(entry.ReceivedAt);

    private static string SingleRowKey(DepositOutboxEntry entry) =>
        $"{entry.ReceivedAt.UtcTicks:D19}|{KeyEncoder.Encode(entry.TenantId)}|{KeyEncoder.Encode(entry.Reference)}|{(int)entry.Type}";
}
