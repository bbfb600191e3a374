using Accounts.Core.Deposits;
using Accounts.Core.Ledger;

namespace Accounts.Core.Kyc;

/// <summary>
/// Turns a whole book (oldest first) and its head into transactions: one per deposit in its latest state (see
/// <see cref="TransactionHistory"/>), each verified against the whole chain, superseded entries included. Used where a
/// book cannot be read by sequence (<see cref="TransactionPager"/>): books written before the sequence index.
/// </summary>
public static class TransactionBook
{
    public static IReadOnlyList<EntityTransaction> Build(IReadOnlyList<LedgerEntry> oldestFirst, BookHead head)
    {
        var broken = FirstUnverified(oldestFirst, head);
        var verified = oldestFirst.Select((entry, i) => (entry.Id, Verified: i < broken))
            .ToDictionary(e => e.Id, e => e.Verified, StringComparer.Ordinal);
        return TransactionHistory.Of(oldestFirst)
            .Select(t => new EntityTransaction(t.Entry, t.Status, verified[t.Entry.Id]))
            .ToList();
    }

    /// <summary>
    /// The index from which the chain cannot be trusted (the count when all of it can). Besides re-hashing, the entry
    /// the head points at must carry the head's hash: that catches an edited newest entry whose hash was recomputed.
    /// The head is read before the entries, so entries committed after it are only checked by re-hashing.
    /// </summary>
    public static int FirstUnverified(IReadOnlyList<LedgerEntry> oldestFirst, BookHead head)
    {
        var broken = HashChain.FirstBrokenIndex(oldestFirst) ?? oldestFirst.Count;
        for (var i = 0; i < broken; i++)
        {
            if (oldestFirst[i].Sequence != i + 1 ||
                (oldestFirst[i].Sequence == head.Sequence && !string.Equals(oldestFirst[i].Hash, head.LastHash, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return broken;
    }
}
