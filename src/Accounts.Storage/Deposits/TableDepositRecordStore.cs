using Accounts.Core.Deposits;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// Deposit records in table Deposits; the first insert of an event wins, later ones read it back. Inserts of events
/// arriving together, and outcomes of events processed together, are sent as shared transactions per tenant
/// (<see cref="GroupedWrites"/>); an insert so written carries no version (nothing updates a record by the version the
/// webhook inserted).
/// </summary>
public sealed class TableDepositRecordStore(StorageTables tables) : IDepositRecordStore
{
    private readonly GroupedWrites inserts = GroupedWrites.Inserts(tables.Deposits);
    private readonly GroupedWrites outcomes = GroupedWrites.Merges(tables.Deposits);

    public async Task<(bool Inserted, DepositRecord Record)> TryInsertAsync(DepositRecord record, CancellationToken ct)
    {
        var row = DepositRows.From(record with { Version = null });
        if (await inserts.WriteAsync(row, ct))
        {
            return (true, record with { Version = null });
        }

        // Records are never deleted, so the winner's row is there to read.
        var existing = await tables.Deposits.GetAsync(row.PartitionKey, row.RowKey, ct)
            ?? throw new InvalidOperationException($"Deposit record {row.PartitionKey}/{row.RowKey} vanished after a conflict");
        return (false, DepositRows.To(existing));
    }

    public async Task<DepositRecord?> GetAsync(string tenantId, string reference, DepositEventType type, CancellationToken ct)
    {
        var row = await tables.Deposits.GetAsync(DepositRows.Partition(tenantId), DepositRows.Row(reference, type), ct);
        return row is null ? null : DepositRows.To(row);
    }

    public async Task<IReadOnlyList<DepositRecord>> ListByReferenceAsync(string tenantId, string reference, CancellationToken ct)
    {
        var prefix = DepositRows.ReferencePrefix(reference);
        var rows = await tables.Deposits.QueryAllAsync(TableReads.RowRange(DepositRows.Partition(tenantId), prefix, prefix[..^1] + "}"), ct);
        return rows.Select(DepositRows.To).ToList();
    }

    public async Task<IReadOnlyList<DepositRecord>> ListDeadLetteredAsync(string tenantId, CancellationToken ct)
    {
        var filter = TableReads.And(TableReads.Partition(DepositRows.Partition(tenantId)),
            TableReads.Compare("Status", "eq", nameof(DepositStatus.DeadLettered)));
        var rows = await tables.Deposits.QueryAllAsync(filter, ct);
        return rows.Select(DepositRows.To).OrderBy(r => r.ReceivedAt).ToList();
    }

    public Task<bool> TryRecordOutcomeAsync(DepositRecord record, CancellationToken ct) =>
        outcomes.WriteAsync(DepositRows.Outcome(record), ct);

    public async Task<DepositRecord> UpdateAsync(DepositRecord record, CancellationToken ct) =>
        record with { Version = await tables.Deposits.ReplaceIfCurrentAsync(DepositRows.From(record), $"Deposit record {record.EventId}", ct) };
}
