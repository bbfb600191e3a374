using Accounts.Core.Ledger;

namespace Accounts.Core.Tests.Fakes;

/// <summary>The book's reads fail while <see cref="Fail"/> is set (storage down), so no event can be decided.</summary>
internal sealed class FailingLedgerReads(ILedgerStore inner) : ILedgerStore
{
    public bool Fail { get; set; }

    public Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct) =>
        Fail ? throw new IOException("storage down") : inner.ReadAsync(bookId, references, ct);

    public Task<BookFacts> ReadFactsAsync(string bookId, IReadOnlyCollection<string> references, IReadOnlyCollection<string> groups,
        CancellationToken ct) => Fail ? throw new IOException("storage down") : inner.ReadFactsAsync(bookId, references, groups, ct);

    public Task<CommitReceipt?> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct) => inner.TryCommitAsync(basis, commit, ct);

    public Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct) => inner.GetBalancesAsync(bookId, ct);

    public Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct) =>
        inner.QueryEntriesAsync(bookId, query, ct);

    public Task<LedgerEntry?> FindEntryAsync(string bookId, string entryId, CancellationToken ct) => inner.FindEntryAsync(bookId, entryId, ct);
}
