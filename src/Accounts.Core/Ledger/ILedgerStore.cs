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

/// <summary>
/// What a commit is computed from: the chain head with its version token, every balance of the book as of that head,
/// and the reference records asked for. Every commit changes the head, so a commit built on a snapshot fails if
/// anything was committed meanwhile.
/// </summary>
public sealed record BookSnapshot(
    string BookId,
    BookHead Head,
    string? HeadVersion,
    IReadOnlyDictionary<string, BookBalance> Balances,
    IReadOnlyDictionary<string, ReferenceRecord> References);

/// <summary>Everything one atomic write to a book changes: the new head, the touched balances, new entries and references.</summary>
public sealed record BookCommit(
    BookHead Head,
    IReadOnlyList<BookBalance> Balances,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<ReferenceRecord> References);

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
