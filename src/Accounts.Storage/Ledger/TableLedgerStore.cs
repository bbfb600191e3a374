using Accounts.Core.Ledger;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>
/// A book is one partition of the Ledger table: its head (which carries the balances; see <see cref="BookHeads"/>),
/// one balance row per currency while the head is the shared row, its entries, its reference records and its group
/// markers. Every commit is one entity-group transaction that re-checks the ETags of the snapshot it was computed
/// from, and always rewrites the head, so two commits built on the same snapshot can never both succeed.
/// </summary>
public sealed class TableLedgerStore(StorageTables tables, LedgerLayout layout) : ILedgerStore
{
    /// <summary>Table Storage's limit of entities in one entity-group transaction.</summary>
    public const int MaxBatchSize = LedgerService.MaxRowsPerCommit;

    private readonly StorageTable table = tables.Ledger;

    public TableLedgerStore(StorageTables tables)
        : this(tables, LedgerLayout.Shared)
    {
    }

    public async Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var headTask = BookHeads.ReadAsync(table, LedgerKeys.Partition(bookId), layout.Heads, ct);
        var factsTask = ReadFactsAsync(bookId, references, [], ct);
        await Task.WhenAll(headTask, factsTask);

        var head = await headTask;
        var balances = await BalancesAsync(bookId, head, ct);
        return new BookSnapshot(
            bookId,
            head is null ? BookHead.Empty : BookRows.ToHead(head),
            head is null ? null : BookHeads.Version(head),
            balances.ToDictionary(b => b.Currency.Code, StringComparer.Ordinal),
            (await factsTask).References,
            head is not null && BookRows.KeepsGroups(head));
    }

    public async Task<BookFacts> ReadFactsAsync(string bookId, IReadOnlyCollection<string> references, IReadOnlyCollection<string> groups,
        CancellationToken ct)
    {
        var partition = LedgerKeys.Partition(bookId);
        var referenceTasks = references.Distinct(StringComparer.Ordinal)
            .Select(reference => table.GetAsync(partition, LedgerKeys.Reference(reference), ct))
            .ToList();
        var groupTasks = groups.Distinct(StringComparer.Ordinal)
            .Select(async group => (group, row: await table.GetAsync(partition, LedgerKeys.Group(group), ct)))
            .ToList();
        await Task.WhenAll(referenceTasks.Cast<Task>().Concat(groupTasks));

        var found = referenceTasks.Select(t => t.Result).OfType<TableEntity>().Select(BookRows.ToReference);
        return new BookFacts(
            found.ToDictionary(r => r.Reference, StringComparer.Ordinal),
            groupTasks.Where(t => t.Result.row is not null).Select(t => t.Result.group).ToHashSet(StringComparer.Ordinal));
    }

    public async Task<CommitReceipt?> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct)
    {
        TableEntity? stored = null;
        if (BookHeads.KeyedETag(basis.HeadVersion) is { } version && SequenceIndex.Completes(basis.Head.Sequence, commit))
        {
            // The block this commit completes is partly on the head (its index slots): read them, at the version the
            // commit is built on, to write the block's row. Once a hundred entries.
            var partition = LedgerKeys.Partition(basis.BookId);
            stored = await table.GetAsync(partition, LedgerKeys.KeyedHead(partition), ct);
            if (stored is null || stored.Version() != version)
            {
                return null;
            }
        }

        var batch = CommitBatch.Build(basis, commit, layout, stored);
        try
        {
            var responses = await table.RunAsync(bounded => table.Once.SubmitTransactionAsync(batch, bounded), ct);

            // The head is the transaction's first row; its new ETag is the book's version after this commit.
            return new CommitReceipt(responses.Value.Count > 0 && responses.Value[0].Headers.ETag is { } etag
                ? BookHeads.VersionOf(batch[0].Entity.RowKey, etag.ToString())
                : null);
        }
        catch (RequestFailedException e) when (e.IsConcurrencyConflict())
        {
            // The transaction is all-or-nothing: a stale ETag or an existing key means nothing was written.
            return null;
        }
    }

    public async Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct)
    {
        var head = await BookHeads.ReadAsync(table, LedgerKeys.Partition(bookId), layout.Heads, ct);
        return await BalancesAsync(bookId, head, ct);
    }

    public async Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        if (query.Take == 0)
        {
            return [];
        }

        var filter = EntryFilter.For(bookId, query);
        if (filter is null)
        {
            return [];
        }

        // Rows come back in ascending key (time) order. Oldest first can stop once Skip + Take matches are read;
        // newest first reads the whole range and reverses it. Skip and Take apply after filtering and ordering.
        var limit = query.OldestFirst ? query.Skip + query.Take : (int?)null;
        var rows = await table.QueryAllAsync(filter, ct, limit, row => query.Matches(EntryRows.To(row)));
        IEnumerable<TableEntity> ordered = query.OldestFirst ? rows : Enumerable.Reverse(rows);
        return ordered.Skip(query.Skip).Take(query.Take).Select(EntryRows.To).ToList();
    }

    /// <summary>
    /// Entry ids are UUIDv7 made from the entry's time, so the id names the millisecond whose row keys hold it: a read
    /// of a handful of rows instead of the whole book. Any other id falls back to scanning the book's entries.
    /// </summary>
    public async Task<LedgerEntry?> FindEntryAsync(string bookId, string entryId, CancellationToken ct)
    {
        var partition = LedgerKeys.Partition(bookId);
        var byId = TableReads.Compare("Id", "eq", entryId);
        if (LedgerKeys.MillisecondOf(entryId) is { } millisecond)
        {
            var near = await table.QueryAllAsync(TableReads.And(TableReads.RowRange(partition,
                LedgerKeys.EntryBound(millisecond), LedgerKeys.EntryBound(millisecond.AddMilliseconds(1))), byId), ct, limit: 1);
            if (near.Count == 1)
            {
                return EntryRows.To(near[0]);
            }
        }

        var rows = await table.QueryAllAsync(TableReads.And(TableReads.RowRange(partition, LedgerKeys.EntryPrefix, LedgerKeys.EntryEnd), byId),
            ct, limit: 1);
        return rows.Count == 0 ? null : EntryRows.To(rows[0]);
    }

    /// <summary>
    /// The balances as of <paramref name="head"/>: those it carries, or for a book last written before heads carried
    /// them, its balance rows. Those are read after the head, so a snapshot built on them is consistent: a commit
    /// landing in between changes the head, and a commit on this snapshot then fails its head check.
    /// </summary>
    private async Task<IReadOnlyList<BookBalance>> BalancesAsync(string bookId, TableEntity? head, CancellationToken ct)
    {
        if (head is null)
        {
            return [];
        }

        if (BookRows.HeadBalancesOf(head, bookId) is { } carried)
        {
            return carried;
        }

        var rows = await table.QueryAllAsync(TableReads.RowRange(head.PartitionKey, LedgerKeys.BalancePrefix, LedgerKeys.BalanceEnd), ct);
        return rows.Select(BookRows.ToBalance).ToList();
    }
}
