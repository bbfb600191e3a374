namespace Accounts.Core.Ledger;

/// <summary>A book is one atomic unit of storage (one Table Storage partition).</summary>
public interface ILedgerStore
{
    /// <summary>Reads the head, all balances and the named reference records of a book.</summary>
    Task<BookSnapshot> ReadAsync(string bookId, IReadOnlyCollection<string> references, CancellationToken ct);

    /// <summary>Reads only the named reference records and group markers, for a snapshot whose head is known.</summary>
    Task<BookFacts> ReadFactsAsync(string bookId, IReadOnlyCollection<string> references, IReadOnlyCollection<string> groups,
        CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="commit"/> in one transaction, checking every version in <paramref name="basis"/>, and
    /// inserting its group markers only if absent. Returns null, writing nothing, when anything changed since (the
    /// caller re-reads and retries).
    /// </summary>
    Task<CommitReceipt?> TryCommitAsync(BookSnapshot basis, BookCommit commit, CancellationToken ct);

    Task<IReadOnlyList<BookBalance>> GetBalancesAsync(string bookId, CancellationToken ct);

    Task<IReadOnlyList<LedgerEntry>> QueryEntriesAsync(string bookId, EntryQuery query, CancellationToken ct);

    Task<LedgerEntry?> FindEntryAsync(string bookId, string entryId, CancellationToken ct);
}

/// <summary>
/// What a commit is computed from: the chain head with its version token, every balance of the book as of that head,
/// and the reference records asked for. Every commit changes the head, so a commit built on a snapshot fails if
/// anything was committed meanwhile. <see cref="KeepsGroups"/>: every commit of this book since its first wrote the
/// group markers of <see cref="ReferenceGroup"/>s (a head written by an older version lacks the flag).
/// </summary>
public sealed record BookSnapshot(
    string BookId,
    BookHead Head,
    string? HeadVersion,
    IReadOnlyDictionary<string, BookBalance> Balances,
    IReadOnlyDictionary<string, ReferenceRecord> References,
    bool KeepsGroups = false)
{
    /// <summary>Group markers known to be in the book (those asked for that exist).</summary>
    public IReadOnlySet<string> Groups { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether a commit on this snapshot keeps group markers: a book keeps them from its first commit on, as long as
    /// every commit does (a new book has no head yet).
    /// </summary>
    public bool CommitKeepsGroups => KeepsGroups || HeadVersion is null;
}

/// <summary>Reference records and group markers found in a book (those asked for that exist).</summary>
public sealed record BookFacts(IReadOnlyDictionary<string, ReferenceRecord> References, IReadOnlySet<string> Groups);

/// <summary>
/// Everything one atomic write to a book changes: the new head, the touched balances, new entries and references, and
/// group markers to insert (each fails the commit if it is already there). <see cref="KeepsGroups"/> is written to the
/// head.
/// </summary>
public sealed record BookCommit(
    BookHead Head,
    IReadOnlyList<BookBalance> Balances,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<ReferenceRecord> References)
{
    public IReadOnlyList<string> Groups { get; init; } = [];

    public bool KeepsGroups { get; init; }
}

/// <summary>A commit that was written. <see cref="HeadVersion"/> is the head's new version token, if the store returned it.</summary>
public sealed record CommitReceipt(string? HeadVersion);

/// <summary>The tip of a book's hash chain: how many entries it has, the last hash and the last entry time.</summary>
public sealed record BookHead(long Sequence, string LastHash, DateTimeOffset LastTime)
{
    /// <summary>The chain of an empty book starts from this hash.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static BookHead Empty { get; } = new(0, GenesisHash, DateTimeOffset.MinValue);
}

/// <summary>
/// Marks that a reference was applied to a book, stored in the book's partition in the same transaction as its
/// entry. <see cref="Version"/> is the store's concurrency token (null for a record not stored yet).
/// </summary>
public sealed record ReferenceRecord(string Reference, string EntryId, string Fingerprint, string? Version = null);
