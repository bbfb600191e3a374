using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;

namespace Accounts.Core.Kyc;

/// <summary>
/// A page of an entity account's transactions read by sequence through the book's index (<see cref="IBookSequence"/>):
/// the entries of the page, the entries back to the checkpoint before it (verification, <see cref="ChainCheckpoints"/>),
/// and per deposit entry the reference records of its later steps. The lines are those
/// <see cref="TransactionHistory.Of"/> makes of the whole book: a pending deposit is hidden once a settled or rejected
/// entry of it exists, a settled one shows Reversed once a reversal names it, closure markers are not shown.
/// <para>
/// Those later steps may lie far beyond the page, so they are found by key through their reference records (the
/// records the ledger itself decides on: without one a step would be applied twice). A record's presence is not taken
/// on trust: the entry it names must be that step, in this book, and re-hash. When it is not, the line it would have
/// hidden or restated is shown as stored and unverified, so an edit that changes what a page shows is visible on that
/// page even though the edited entry is not.
/// </para>
/// </summary>
public sealed class TransactionPager(IBookSequence index)
{
    // Reference lookups in flight per page (each is one or two point reads).
    private const int MaxReferenceReads = 32;

    /// <summary>
    /// Lines of <paramref name="account"/> from sequence <paramref name="from"/>, as of <paramref name="book"/>'s head: at most
    /// <paramref name="limit"/> lines, looking at no entry after <paramref name="lastSequence"/>. Null when the index does
    /// not cover what the page needs; the caller then reads the whole book.
    /// </summary>
    public async Task<TransactionPage?> ReadAsync(Account account, IBookAtHead book, long from, int limit, long lastSequence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(book);
        var head = book.Head;
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var last = Math.Min(head.Sequence, lastSequence);
        var start = ChainCheckpoints.Before(from);

        // entries[i] is the entry at sequence start + 1 + i (by its place in the index, whatever its row says).
        var entries = new List<LedgerEntry>();
        var checkpoints = new Dictionary<long, string>();
        var lines = new List<(int At, EntryStatus Status, bool Trusted)>();
        using var gate = new SemaphoreSlim(MaxReferenceReads);
        while (lines.Count < limit && start + entries.Count < last)
        {
            var readFrom = start + entries.Count + 1;
            var to = Math.Min(last, Math.Max(from, readFrom) + (limit - lines.Count) - 1);
            var window = await book.ReadAsync(readFrom, to, ct);
            if (window is null)
            {
                return null;
            }

            foreach (var (sequence, hash) in window.Checkpoints)
            {
                checkpoints[sequence] = hash;
            }

            var offset = entries.Count;
            entries.AddRange(window.Entries);
            var shown = Enumerable.Range(offset, window.Entries.Count)
                .Where(i => start + 1 + i >= from && entries[i].AccountId == account.Id)
                .Select(async i => (At: i, Line: await LineAsync(account.BookId, entries[i], head, gate, ct)));
            lines.AddRange((await Task.WhenAll(shown)).Where(l => l.Line is not null).Select(l => (l.At, l.Line!.Value.Status, l.Line.Value.Trusted)));
        }

        var verified = ChainCheckpoints.Verify(entries, start, checkpoints, head);
        if (verified is null)
        {
            return null;
        }

        var readTo = start + entries.Count;
        return new TransactionPage(
            lines.Select(l => new EntityTransaction(entries[l.At], l.Status, l.Trusted && verified[l.At])).ToList(),
            readTo < head.Sequence ? readTo + 1 : null);
    }

    /// <summary>The line <paramref name="entry"/> shows (null when hidden); Trusted is false when a later step it depends on fails its checks.</summary>
    private async Task<(EntryStatus Status, bool Trusted)?> LineAsync(string bookId, LedgerEntry entry, BookHead head, SemaphoreSlim gate,
        CancellationToken ct)
    {
        if (entry.Type == EntryType.Closure)
        {
            return null;
        }

        if (!DepositReferences.TryParse(entry.Reference, out var reference, out var step) || step is not ("pending" or "settled"))
        {
            return (entry.Status, true);
        }

        var laterSteps = step == "pending"
            ? [DepositReferences.Settled(reference), DepositReferences.Rejected(reference)]
            : new[] { DepositReferences.Reversed(reference) };
        var found = (await Task.WhenAll(laterSteps.Select(async r =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await index.FindByReferenceAsync(bookId, r, ct);
            }
            finally
            {
                gate.Release();
            }
        }))).OfType<ReferencedEntry>().ToList();
        if (found.Any(f => !Genuine(f, bookId)))
        {
            return (entry.Status, false);
        }

        // Steps committed after the head was read are not part of this read, like entries after the head.
        var later = found.Select(f => f.Entry!).Where(e => e.Sequence <= head.Sequence).ToList();
        if (step == "pending")
        {
            return later.Count > 0 ? null : (entry.Status, true);
        }

        var reversed = later.Any(e => e.Type == EntryType.Reversal && e.ParentEntryId == entry.Id);
        return (reversed ? EntryStatus.Reversed : entry.Status, true);
    }

    /// <summary>The record names an entry of this book that is the step it records and whose hash recomputes.</summary>
    private static bool Genuine(ReferencedEntry found, string bookId) =>
        found.Entry is { } e && e.Id == found.EntryId && e.Reference == found.Reference && e.BookId == bookId &&
        string.Equals(e.Hash, HashChain.Compute(e), StringComparison.Ordinal);
}

/// <summary>One page of transactions, and the sequence the next page starts from (null when there is nothing after it).</summary>
public sealed record TransactionPage(IReadOnlyList<EntityTransaction> Transactions, long? Next);
