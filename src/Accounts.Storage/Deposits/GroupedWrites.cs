using Accounts.Core.Batching;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// Writes of one kind to rows of one table, sent together: one transaction per partition is in flight at a time, and
/// the writes to that partition that wait meanwhile go in the next, as one entity-group transaction
/// (<see cref="GroupCommit{TKey, TItem, TResult}"/> keyed by partition), so under load each costs a fraction of a
/// request. A caller's task completes only when its own row is written (or refused). A group that fails is
/// all-or-nothing, so nothing of it was written: it is sent again row by row through <c>single</c>, which gives each
/// row its own result (a delete of a row already gone, an insert of a row that exists, a merge into a missing row each
/// fail a whole transaction). A written group gives every row <c>true</c>. The transaction is sent once (never retried:
/// a retry of one that landed would fail as if the rows were someone else's); a failed attempt is covered by the
/// row-by-row sends, which <c>single</c> makes safe to repeat.
/// </summary>
internal sealed class GroupedWrites
{
    /// <summary>Table Storage's limit of entities in one entity-group transaction.</summary>
    private const int MaxGroup = 100;

    private readonly StorageTable table;
    private readonly TableTransactionActionType kind;
    private readonly Func<TableEntity, CancellationToken, Task<bool>> single;
    private readonly GroupCommit<string, TableEntity, bool> groups;

    private GroupedWrites(StorageTable table, TableTransactionActionType kind, Func<TableEntity, CancellationToken, Task<bool>> single)
    {
        this.table = table;
        this.kind = kind;
        this.single = single;
        groups = new GroupCommit<string, TableEntity, bool>(MaxGroup, (_, group) => SendAsync(group), StringComparer.Ordinal, DistinctRows);
    }

    /// <summary>Inserts; a row alone answers false when it exists already.</summary>
    public static GroupedWrites Inserts(StorageTable table) =>
        new(table, TableTransactionActionType.Add, async (row, ct) => await table.TryInsertAsync(row, ct) is not null);

    /// <summary>Inserts or replaces; always true.</summary>
    public static GroupedWrites Upserts(StorageTable table) =>
        new(table, TableTransactionActionType.UpsertReplace, async (row, ct) =>
        {
            await table.UpsertAsync(row, ct);
            return true;
        });

    /// <summary>Merges into whatever version is stored; a row alone answers false when nothing is stored.</summary>
    public static GroupedWrites Merges(StorageTable table) =>
        new(table, TableTransactionActionType.UpdateMerge, async (row, ct) =>
        {
            try
            {
                // ETag "*": a merge into whatever version is stored, and a 404 (not an insert) when nothing is.
                await table.MergeAsync(row.WithVersion(ETag.All.ToString()), ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Is(StorageStatus.NotFound))
            {
                return false;
            }
        });

    /// <summary>Deletes whatever version is stored; a row alone answers false when it was gone already.</summary>
    public static GroupedWrites Deletes(StorageTable table) =>
        new(table, TableTransactionActionType.Delete, (row, ct) => table.DeleteAsync(row.PartitionKey, row.RowKey, version: null, ct));

    /// <summary>True when written; otherwise what <c>single</c> answered for the row alone.</summary>
    public Task<bool> WriteAsync(TableEntity row, CancellationToken ct) => groups.SubmitAsync(row.PartitionKey, row, ct);

    /// <summary>A transaction may touch a row once: a second write to a row waits for a later group.</summary>
    private static Func<TableEntity, bool> DistinctRows()
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        return row => rows.Add(row.RowKey);
    }

    private async Task SendAsync(IReadOnlyList<GroupMember<TableEntity, bool>> group)
    {
        if (group.Count > 1)
        {
            try
            {
                var actions = group.Select(w => new TableTransactionAction(kind, w.Item, ETag.All)).ToList();
                await table.RunAsync(bounded => table.Once.SubmitTransactionAsync(actions, bounded), CancellationToken.None);
                foreach (var write in group)
                {
                    write.Complete(true);
                }

                return;
            }
            catch (Exception)
            {
                // Nothing of a failed transaction was written; each row is sent on its own below, and reports its own result.
            }
        }

        await Task.WhenAll(group.Select(async w =>
        {
            try
            {
                w.Complete(await single(w.Item, CancellationToken.None));
            }
            catch (Exception ex)
            {
                w.Fail(ex);
            }
        }));
    }
}
