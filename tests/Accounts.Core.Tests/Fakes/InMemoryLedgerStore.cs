using Accounts.Core.Ledger;

namespace Accounts.Core.Tests.Fakes;

/// <summary>
/// One lock-protected dictionary per book with a single version for the whole book: stricter than the Table
/// Storage adapter's per-row ETags, which is enough to exercise the service's conflict and retry paths.
/// <see cref="FailNextCommits"/> makes commits lose a race on purpose; <see cref="CommitGate"/>, when set, holds
/// every commit until the test opens it.
/// </summary>
internal sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly Dictionary<string, Book> _books = new();

    public int FailNextCommits { get; set; }

    public int Commits { get; private set; }

    public TaskCompletionSource? CommitGate { get; set; }

    public Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        lock (_books)
        {
            var book = BookOf(bookId);
            var version = book.Version.ToString();
            var refs = references.Where(book.References.ContainsKey).ToDictionary(r => r, r => book.References[r] with { Version = version });
            return Task.FromResult(new BookSnapshot(bookId, book.Head, book.Version == 0 ? null : version,
                new Dictionary<string, BookBalance>(book.Balances), refs));
        }
    }

    public async Task<bool> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct)
    {
        if (CommitGate is { } gate)
        {
            await gate.Task;
        }

        return Commit(basis, commit);
    }

    private bool Commit(BookSnapshot basis, BookCommit commit)
    {
        lock (_books)
        {
            var book = BookOf(basis.BookId);
            if (FailNextCommits > 0)
            {
                FailNextCommits--;
                return false;
            }

            if ((basis.HeadVersion ?? "0") != book.Version.ToString() || commit.References.Any(r => book.References.ContainsKey(r.Reference)))
            {
                return false;
            }

            book.Head = commit.Head;
            commit.Balances.ToList().ForEach(b => book.Balances[b.Currency.Code] = b);
            book.Entries.AddRange(commit.Entries);
            commit.References.ToList().ForEach(r => book.References[r.Reference] = r);
            book.Version++;
            Commits++;
            return true;
        }
    }

    public Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct)
    {
        lock (_books)
        {
            return Task.FromResult<IReadOnlyList<BookBalance>>(BookOf(bookId).Balances.Values.ToList());
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct)
    {
        lock (_books)
        {
            var entries = BookOf(bookId).Entries.Where(query.Matches);
            entries = query.OldestFirst ? entries : entries.Reverse();
            return Task.FromResult<IReadOnlyList<LedgerEntry>>(entries.Skip(query.Skip).Take(query.Take).ToList());
        }
    }

    public Task<LedgerEntry?> FindEntryAsync(string bookId, string entryId, CancellationToken ct)
    {
        lock (_books)
        {
            return Task.FromResult(BookOf(bookId).Entries.FirstOrDefault(e => e.Id == entryId));
        }
    }

    private Book BookOf(string bookId) => _books.TryGetValue(bookId, out var book) ? book : _books[bookId] = new Book();

    private sealed class Book
    {
        public BookHead Head { get; set; } = BookHead.Empty;

        public long Version { get; set; }

        public Dictionary<string, BookBalance> Balances { get; } = new();

        public List<LedgerEntry> Entries { get; } = [];

        public Dictionary<string, ReferenceRecord> References { get; } = new();
    }
}
