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

    /// <summary>Reads of a head (with the references asked for).</summary>
    public int HeadReads { get; private set; }

    /// <summary>References and markers read one by one (what each costs a point read in Table Storage).</summary>
    public int RowsRead { get; private set; }

    public Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        lock (_books)
        {
            var book = BookOf(bookId);
            var version = book.Version.ToString();
            HeadReads++;
            RowsRead += references.Count;
            var refs = references.Where(book.References.ContainsKey).ToDictionary(r => r, r => book.References[r] with { Version = version });
            return Task.FromResult(new BookSnapshot(bookId, book.Head, book.Version == 0 ? null : version,
                new Dictionary<string, BookBalance>(book.Balances), refs, book.KeepsGroups));
        }
    }

    public Task<BookFacts> ReadFactsAsync(string bookId, IReadOnlyCollection<string> references, IReadOnlyCollection<string> groups,
        CancellationToken ct)
    {
        lock (_books)
        {
            var book = BookOf(bookId);
            RowsRead += references.Count + groups.Count;
            return Task.FromResult(new BookFacts(
                references.Where(book.References.ContainsKey).ToDictionary(r => r, r => book.References[r]),
                groups.Where(book.Groups.Contains).ToHashSet()));
        }
    }

    public async Task<CommitReceipt?> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct)
    {
        if (CommitGate is { } gate)
        {
            await gate.Task;
        }

        return Commit(basis, commit);
    }

    /// <summary>
    /// This store as a version that knows no group markers sees it: it never hears of the head's flag (so it reads every
    /// reference), and its commits write no marker and drop the flag.
    /// </summary>
    public ILedgerStore AsOlderVersion() => new OlderVersion(this);

    public bool HasGroup(string bookId, string group)
    {
        lock (_books)
        {
            return BookOf(bookId).Groups.Contains(group);
        }
    }

    private CommitReceipt? Commit(BookSnapshot basis, BookCommit commit)
    {
        // The rows Table Storage's transaction would hold, sequence index blocks included, within its limit.
        var rows = 1 + commit.Balances.Count + commit.Entries.Count + commit.References.Count + commit.Groups.Count
            + commit.Entries.Select(e => (e.Sequence - 1) / ChainCheckpoints.Interval).Distinct().Count();
        if (rows > LedgerService.MaxRowsPerCommit)
        {
            throw new ArgumentException($"A commit writes {rows} rows; one transaction holds at most {LedgerService.MaxRowsPerCommit}");
        }

        lock (_books)
        {
            var book = BookOf(basis.BookId);
            if (FailNextCommits > 0)
            {
                FailNextCommits--;
                return null;
            }

            if ((basis.HeadVersion ?? "0") != book.Version.ToString() || commit.References.Any(r => book.References.ContainsKey(r.Reference))
                || commit.Groups.Any(book.Groups.Contains))
            {
                return null;
            }

            book.Head = commit.Head;
            commit.Balances.ToList().ForEach(b => book.Balances[b.Currency.Code] = b);
            book.Entries.AddRange(commit.Entries);
            commit.References.ToList().ForEach(r => book.References[r.Reference] = r);
            book.Groups.UnionWith(commit.Groups);
            book.KeepsGroups = commit.KeepsGroups;
            book.Version++;
            Commits++;
            return new CommitReceipt(book.Version.ToString());
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

        public HashSet<string> Groups { get; } = [];

        public bool KeepsGroups { get; set; }
    }

    private sealed class OlderVersion(InMemoryLedgerStore store) : ILedgerStore
    {
        public async Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct) =>
            (await store.ReadAsync(bookId, references, ct)) with { KeepsGroups = false };

        public Task<BookFacts> ReadFactsAsync(string bookId, IReadOnlyCollection<string> references, IReadOnlyCollection<string> groups,
            CancellationToken ct) => store.ReadFactsAsync(bookId, references, [], ct);

        public Task<CommitReceipt?> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct) =>
            store.TryCommitAsync(basis, commit with { Groups = [], KeepsGroups = false }, ct);

        public Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct) => store.GetBalancesAsync(bookId, ct);

        public Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct) =>
            store.QueryEntriesAsync(bookId, query, ct);

        public Task<LedgerEntry?> FindEntryAsync(string bookId, string entryId, CancellationToken ct) => store.FindEntryAsync(bookId, entryId, ct);
    }
}
