using Accounts.Core.Ledger;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Ledger;

/// <summary>
/// Builds the one transaction of a commit. A row the snapshot saw is replaced with the ETag it saw; a row it did not
/// see is inserted, so a row created meanwhile by someone else fails the whole transaction with 409.
/// </summary>
internal static class CommitBatch
{
    public static TableBatchOperation Build(BookSnapshot basis, BookCommit commit)
    {
        var partition = LedgerKeys.Partition(basis.BookId);
        var size = 1 + commit.Balances.Count + commit.Entries.Count + commit.References.Count;
        if (size > TableLedgerStore.MaxBatchSize)
        {
            throw new ArgumentException(
                $"A commit writes {size} rows; one transaction holds at most {TableLedgerStore.MaxBatchSize}", nameof(commit));
        }

        var batch = new TableBatchOperation();
        batch.Add(basis.HeadVersion is null
            ? TableOperation.Insert(BookRows.FromHead(partition, commit.Head, null))
            : TableOperation.Replace(BookRows.FromHead(partition, commit.Head, basis.HeadVersion)));

        foreach (var balance in commit.Balances)
        {
            RequireBook(basis, balance.BookId, "balance");
            batch.Add(basis.BalanceVersions.TryGetValue(balance.Currency.Code, out var version)
                ? TableOperation.Replace(BookRows.FromBalance(partition, balance, version))
                : TableOperation.Insert(BookRows.FromBalance(partition, balance, null)));
        }

        foreach (var entry in commit.Entries)
        {
            RequireBook(basis, entry.BookId, "entry");
            batch.Add(TableOperation.Insert(EntryRows.From(partition, entry)));
        }

        foreach (var reference in commit.References)
        {
            var row = BookRows.FromReference(partition, reference);
            batch.Add(reference.Version is null ? TableOperation.Insert(row) : TableOperation.Replace(row));
        }

        RequireDistinctRows(batch);
        return batch;
    }

    // Money must never land in another book's partition under this book's ETags.
    private static void RequireBook(BookSnapshot basis, string bookId, string what)
    {
        if (!string.Equals(bookId, basis.BookId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A {what} of book '{bookId}' cannot be committed to book '{basis.BookId}'");
        }
    }

    // Table Storage rejects a transaction touching one row twice with 400; say what is wrong instead.
    private static void RequireDistinctRows(TableBatchOperation batch)
    {
        var duplicate = batch.GroupBy(op => op.Entity.RowKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"A commit writes row '{duplicate.Key}' more than once");
        }
    }
}
