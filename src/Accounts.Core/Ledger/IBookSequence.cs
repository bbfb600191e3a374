namespace Accounts.Core.Ledger;

/// <summary>
/// Reads a book by position instead of by time: the entries at a range of sequences and the chain checkpoints of the
/// blocks they fall in, each found by key, so the cost of a read follows the range and not the book. Books written
/// before this index existed are not covered; every read says so (null) and the caller reads the book as before.
/// </summary>
public interface IBookSequence
{
    /// <summary>
    /// The book as of one read of its head (one point read; <see cref="BookHead.Empty"/> for a book with no entries):
    /// its windows are then read without reading the head again.
    /// </summary>
    Task<IBookAtHead> AtHeadAsync(string bookId, CancellationToken ct);

    /// <summary>
    /// The reference record of <paramref name="reference"/> and the entry it names, or null when the book has no such
    /// reference. <see cref="ReferencedEntry.Entry"/> is null when that entry cannot be found.
    /// </summary>
    Task<ReferencedEntry?> FindByReferenceAsync(string bookId, string reference, CancellationToken ct);

    /// <summary>
    /// Indexes <paramref name="verified"/>, a prefix of the book (sequences 1, 2, …) whose chain a reader verified
    /// from the first entry, so later reads of it need not scan the book. Writing what is already indexed is harmless.
    /// </summary>
    Task BackfillAsync(string bookId, IReadOnlyList<LedgerEntry> verified, CancellationToken ct);
}

/// <summary>A book as of the head <see cref="IBookSequence.AtHeadAsync"/> read.</summary>
public interface IBookAtHead
{
    BookHead Head { get; }

    /// <summary>
    /// The entries with sequences <paramref name="from"/> to <paramref name="to"/> (inclusive), in sequence order, and
    /// the checkpoints stored for their blocks; null when the index does not locate every entry of the range (a book,
    /// or part of one, written before the index; or an indexed row that is gone). Entries past <see cref="Head"/> may
    /// or may not be found: readers stay within it.
    /// </summary>
    Task<SequenceWindow?> ReadAsync(long from, long to, CancellationToken ct);
}

/// <summary>
/// Entries read by sequence. <see cref="Checkpoints"/> maps a sequence c (a multiple of
/// <see cref="ChainCheckpoints.Interval"/>) to the hash of entry c as recorded when entry c + 1 was committed (or by a
/// verified backfill); sequence 0 (the genesis hash) is implied and never stored.
/// </summary>
public sealed record SequenceWindow(IReadOnlyList<LedgerEntry> Entries, IReadOnlyDictionary<long, string> Checkpoints);

/// <summary>A reference record of a book and the entry it names (null when that entry's row was not found).</summary>
public sealed record ReferencedEntry(string Reference, string EntryId, LedgerEntry? Entry);
