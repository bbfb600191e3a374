using Accounts.Core.Ledger;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>
/// The sequence index of a book: entry row keys sort by time ("e|{ticks}|{sequence}"), so the n-th entry cannot be
/// found by key from n alone. One index row per block of <see cref="ChainCheckpoints.Interval"/> sequences
/// ("n|{block}|{partition}", block b holding sequences 100b + 1 to 100b + 100) holds, per sequence s, the entry's time in UTC ticks
/// (property "T{(s − 1) mod 100}"), which with s is the entry's row key; and the block's checkpoint ("Start": the
/// hash of entry 100b, which is the previous hash of entry 100b + 1). A page of entries is then one or two point reads
/// of index rows and one point read per entry, however long the book.
/// <para>
/// Every commit writes the index in its own transaction, as a merge of the blocks its entries fall in: the transaction
/// is all-or-nothing and re-checks the head's ETag, so the index names exactly the committed entries, and a merge
/// needs no read of the index row first. Row budget: <see cref="LedgerService.MaxBatch"/> (28) intents write at most
/// 28 entries, 28 reference rows and 28 group markers, and the entries span at most 2 blocks; with the head that is 87
/// rows plus one per balance touched while the head is the shared row, or 88 when a commit moves the head to its keyed
/// row (<see cref="BookHeads"/>), within Table Storage's 100.
/// </para>
/// <para>
/// Blocks were first keyed "n|{block}", a key the first block of every book shared (see <see cref="LedgerKeys"/>). Those
/// rows are no longer read: a book indexed under them reads as not indexed, is read as before, and its verified prefix
/// is indexed again under the new keys (<see cref="TableBookSequence.BackfillAsync"/>).
/// </para>
/// Reference rows written with an entry also record the entry's row key ("EntryKey"), so the entry a reference names
/// is found by key too (the list needs the later steps of a deposit to show its earlier ones).
/// </summary>
internal static class SequenceIndex
{
    public const string Start = "Start";
    public const string EntryKey = "EntryKey";

    public static long BlockOf(long sequence) => (sequence - 1) / ChainCheckpoints.Interval;

    public static string Slot(long sequence) => $"T{(sequence - 1) % ChainCheckpoints.Interval:D2}";

    /// <summary>Adds the index rows of <paramref name="commit"/>'s entries to <paramref name="batch"/>, and the entry keys to its reference rows.</summary>
    public static void AddTo(List<TableTransactionAction> batch, string partition, BookCommit commit)
    {
        var keys = commit.Entries.ToDictionary(e => e.Id, e => LedgerKeys.Entry(e.CreatedAt, e.Sequence), StringComparer.Ordinal);
        foreach (var action in batch)
        {
            if (action.Entity is TableEntity row && row.RowKey.StartsWith(LedgerKeys.ReferencePrefix, StringComparison.Ordinal) &&
                row.GetStringOrNull("EntryId") is { } entryId && keys.TryGetValue(entryId, out var key))
            {
                row[EntryKey] = key;
            }
        }

        foreach (var block in commit.Entries.GroupBy(e => BlockOf(e.Sequence)))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, Row(partition, block.Key, block)));
        }

        if (batch.Count > TableLedgerStore.MaxBatchSize)
        {
            throw new ArgumentException(
                $"A commit writes {batch.Count} rows with its index; one transaction holds at most {TableLedgerStore.MaxBatchSize}", nameof(commit));
        }
    }

    /// <summary>The index row of <paramref name="block"/> for <paramref name="entries"/> (all in that block), to merge into what is stored.</summary>
    public static TableEntity Row(string partition, long block, IEnumerable<LedgerEntry> entries)
    {
        var row = new TableEntity(partition, LedgerKeys.SequenceBlock(partition, block));
        foreach (var entry in entries)
        {
            row[Slot(entry.Sequence)] = entry.CreatedAt.UtcTicks;
            if ((entry.Sequence - 1) % ChainCheckpoints.Interval == 0)
            {
                row[Start] = entry.PreviousHash;
            }
        }

        return row;
    }
}
