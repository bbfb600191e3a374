namespace Accounts.Core.Ledger;

/// <summary>A book is one atomic unit of storage (one Table Storage partition).</summary>
public interface ILedgerStore
{
    /// <summary>Reads the head, all balances and the named reference records of a book.</summary>
    Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="commit"/> in one transaction, checking every version in <paramref name="basis"/>.
    /// Returns false, writing nothing, when anything changed since (the caller re-reads and retries).
    /// </summary>
    Task<bool> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct);

    Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct);

    Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct);

    Task<LedgerEntry?> FindEntryAsync(string bookId, string entryId, CancellationToken ct);
}
