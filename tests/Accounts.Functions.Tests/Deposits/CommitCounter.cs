using Accounts.Core.Ledger;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>Counts the book commits that were written, to see how many postings each carried.</summary>
public sealed class CommitCounter
{
    private int _successful;

    public int Successful => Volatile.Read(ref _successful);

    public ILedgerStore Wrap(ILedgerStore inner) => new Store(inner, this);

    private sealed class Store(ILedgerStore inner, CommitCounter counter) : ILedgerStore
    {
        public Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct) =>
            inner.ReadAsync(bookId, references, ct);

        public Task<BookFacts> ReadFactsAsync(string bookId, IReadOnlyCollection<string> references, IReadOnlyCollection<string> groups,
            CancellationToken ct) => inner.ReadFactsAsync(bookId, references, groups, ct);

        public async Task<CommitReceipt?> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct)
        {
            var written = await inner.TryCommitAsync(basis, commit, ct);
            if (written is not null)
            {
                Interlocked.Increment(ref counter._successful);
            }

            return written;
        }

        public Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct) => inner.GetBalancesAsync(bookId, ct);

        public Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct) =>
            inner.QueryEntriesAsync(bookId, query, ct);

        public Task<LedgerEntry?> FindEntryAsync(string bookId, string entryId, CancellationToken ct) => inner.FindEntryAsync(bookId, entryId, ct);
    }
}
