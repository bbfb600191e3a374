using Accounts.Core.Ledger;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>
/// Builds the one transaction of a commit. A row the snapshot saw is replaced with the ETag it saw; a row it did not
/// see is inserted, so a row created meanwhile by someone else fails the whole transaction with 409. The head is
/// always written (replaced with its ETag, or inserted; see <see cref="BookHeads"/> for where), so it alone serializes
/// a book's commits; it carries every balance of the book, so a snapshot is one point read.
/// </summary>
internal static class CommitBatch
{
    /// <param name="stored">
    /// The keyed head <paramref name="basis"/> was read from, when the commit completes the index block it carries
    /// (<see cref="SequenceIndex.Completes"/>); null otherwise.
    /// </param>
    public static List<TableTransactionAction> Build(BookSnapshot basis, BookCommit commit, LedgerLayout layout, TableEntity? stored = null)
    {
        var partition = LedgerKeys.Partition(basis.BookId);
        var balances = new Dictionary<string, BookBalance>(basis.Balances, StringComparer.Ordinal);
        foreach (var balance in commit.Balances)
        {
            RequireBook(basis, balance.BookId, "balance");
            balances[balance.Currency.Code] = balance;
        }

        var batch = BookHeads.Writes(partition, rowKey => BookRows.FromHead(partition, rowKey, commit.Head, balances.Values, commit.KeepsGroups),
            basis.HeadVersion, layout.Heads);
        var head = (TableEntity)batch[0].Entity;
        var keyedHead = head.RowKey != LedgerKeys.Head;
        var size = batch.Count + commit.Balances.Count + commit.Entries.Count + commit.References.Count + commit.Groups.Count;
        if (size > TableLedgerStore.MaxBatchSize)
        {
            throw new ArgumentException(
                $"A commit writes {size} rows; one transaction holds at most {TableLedgerStore.MaxBatchSize}", nameof(commit));
        }

        // The balance rows are not read once the head carries the balances, but are kept current while the head is the
        // shared row "head": a process of the previous version (during a rollout, or after a rollback) reads them. An
        // unconditional replace is safe here because the head's check in this same transaction fails the whole commit
        // if any other commit came between the snapshot and this one. A keyed head is out of that version's reach.
        if (!keyedHead)
        {
            foreach (var balance in commit.Balances)
            {
                batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, BookRows.FromBalance(partition, balance)));
            }
        }

        foreach (var entry in commit.Entries)
        {
            RequireBook(basis, entry.BookId, "entry");
            batch.Add(new TableTransactionAction(TableTransactionActionType.Add, EntryRows.From(partition, entry)));
        }

        foreach (var reference in commit.References)
        {
            batch.Add(Conditional(BookRows.FromReference(partition, reference)));
        }

        // A marker is only ever inserted: one already there fails the commit, which was decided on its group having none
        // of its references in the book.
        foreach (var group in commit.Groups)
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Add, BookRows.FromGroup(partition, group)));
        }

        SequenceIndex.NameEntryKeys(batch, commit);
        if (keyedHead)
        {
            SequenceIndex.AddTo(batch, head, stored, commit);
        }
        else
        {
            SequenceIndex.AddTo(batch, partition, commit);
        }

        RequireDistinctRows(batch);
        return batch;
    }

    // A row with a version (an ETag the snapshot read) is replaced only if still at that version; one without is
    // inserted and fails if it exists. Never an upsert: that would overwrite a row the snapshot did not see.
    private static TableTransactionAction Conditional(TableEntity row) =>
        !row.HasVersion()
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag);

    // Money must never land in another book's partition under this book's ETags.
    private static void RequireBook(BookSnapshot basis, string bookId, string what)
    {
        if (!string.Equals(bookId, basis.BookId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A {what} of book '{bookId}' cannot be committed to book '{basis.BookId}'");
        }
    }

    // Table Storage rejects a transaction touching one row twice with 400; say what is wrong instead.
    private static void RequireDistinctRows(List<TableTransactionAction> batch)
    {
        var duplicate = batch.GroupBy(action => action.Entity.RowKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"A commit writes row '{duplicate.Key}' more than once");
        }
    }
}
