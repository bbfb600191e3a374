namespace Accounts.Core.Ledger;

/// <summary>
/// Verifies part of a book's hash chain from a checkpoint instead of from the first entry. A checkpoint is the hash of
/// entry c for every c that is a multiple of <see cref="Interval"/>; it is written in the same transaction as entry
/// c + 1 (whose <see cref="LedgerEntry.PreviousHash"/> it is), or by a reader that verified the chain from the first
/// entry up to c. Entry s is then verified by re-hashing from the checkpoint before s through s: at most
/// <see cref="Interval"/> − 1 entries more than those shown.
/// <para>
/// Why this hides nothing more easily than verifying from the first entry: a checkpoint is just another stored copy of
/// a hash the chain already carries, checked against the chain wherever the two meet. (1) An edit of a shown entry,
/// or of any entry between the checkpoint and it, breaks the re-hashed chain exactly as before: that entry and every
/// later one read are unverified. (2) An edit whose hash was recomputed still breaks the link to the next entry, and
/// whichever read shows that next entry re-hashes across the link (the checkpoint, being the old hash, disagrees with
/// the new one too): the break is shown unverified, as before. (3) A forged checkpoint can only disagree with the
/// chain, which marks the entries after it unverified; to make anything verify that would not have, an editor must
/// rewrite the entries themselves from the edit to the head (and the head) — what a whole-chain check already
/// required — and now the checkpoints along the way as well. What a checkpoint does give up: an entry is no longer
/// marked unverified merely because some unrelated entry before its checkpoint was edited; that edit is still shown
/// unverified wherever the edited entry (or the broken link after it) is shown.
/// </para>
/// </summary>
public static class ChainCheckpoints
{
    /// <summary>Entries between checkpoints; also the size of a block of the sequence index.</summary>
    public const int Interval = 100;

    /// <summary>The checkpoint a verification of <paramref name="sequence"/> starts from: the last multiple of <see cref="Interval"/> below it.</summary>
    public static long Before(long sequence) => (sequence - 1) / Interval * Interval;

    /// <summary>
    /// Whether each of <paramref name="entries"/> (sequences <paramref name="start"/> + 1, + 2, …, where
    /// <paramref name="start"/> is a checkpoint) verifies, as <see cref="Kyc.TransactionBook.FirstUnverified"/> decides
    /// it for a whole book: everything from the first failure on is unverified. A failure is a sequence out of place, a
    /// link or hash that does not recompute, a later checkpoint that disagrees with the chain, or the entry the head
    /// points at not carrying the head's hash. Null when the starting checkpoint is not stored (a book written before
    /// checkpoints): the caller must verify from the first entry.
    /// </summary>
    public static bool[]? Verify(IReadOnlyList<LedgerEntry> entries, long start, IReadOnlyDictionary<long, string> checkpoints, BookHead head)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(head);
        if (start % Interval != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"a checkpoint is a multiple of {Interval}");
        }

        string? expected = BookHead.GenesisHash;
        if (start > 0 && !checkpoints.TryGetValue(start, out expected))
        {
            return null;
        }

        var verified = new bool[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var sequence = start + 1 + i;
            var atCheckpoint = i > 0 && (sequence - 1) % Interval == 0 && checkpoints.TryGetValue(sequence - 1, out var stored) &&
                !string.Equals(stored, expected, StringComparison.Ordinal);
            if (atCheckpoint || entry.Sequence != sequence ||
                !string.Equals(entry.PreviousHash, expected, StringComparison.Ordinal) ||
                !string.Equals(entry.Hash, HashChain.Compute(entry), StringComparison.Ordinal) ||
                (sequence == head.Sequence && !string.Equals(entry.Hash, head.LastHash, StringComparison.Ordinal)))
            {
                break;
            }

            verified[i] = true;
            expected = entry.Hash;
        }

        return verified;
    }
}
