using Accounts.Core.Ledger;

namespace Accounts.Core.Entities;

/// <summary>Turns a whole book (oldest first) and its head into transactions with effective status and verification.</summary>
public static class TransactionBook
{
    public static IReadOnlyList<EntityTransaction> Build(IReadOnlyList<LedgerEntry> oldestFirst, BookHead head)
    {
        var broken = FirstUnverified(oldestFirst, head);
        var reversed = oldestFirst
            .Where(e => e.Type == EntryType.Reversal && e.ParentEntryId is not null)
            .Select(e => e.ParentEntryId!)
            .ToHashSet(StringComparer.Ordinal);
        return oldestFirst.Select((entry, i) => new EntityTransaction(
            entry,
            reversed.Contains(entry.Id) ? EntryStatus.Reversed : entry.Status,
            i < broken)).ToList();
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
