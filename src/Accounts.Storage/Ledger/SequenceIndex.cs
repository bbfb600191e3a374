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
/// Every commit writes the index in its own transaction, which is all-or-nothing and re-checks the head's ETag, so the
/// index names exactly the committed entries. On a shared head it merges the blocks its entries fall in. On a keyed
/// head (<see cref="BookHeads"/>) the block being filled lives on the head itself ("IndexBlock", its slots, and
/// "IndexStart"), merged into it with the head's own write, and a block's row is written once, by the commit that
/// completes it, from the slots the head carried and the commit's own: an index row per hundred entries instead of a
/// merge per commit (on Azurite a merge scans the table's index arrays). A reader takes the block being filled from the
/// head, and from its row too where the head lacks a slot (a block begun before the head was keyed, or backfilled).
/// Row budget: <see cref="LedgerService.MaxBatch"/> (28) intents write at most 28 entries, 28 reference rows and 28
/// group markers, and the entries span at most 2 blocks; with the head that is 87 rows plus one per balance touched
/// while the head is the shared row, or 88 when a commit moves the head to its keyed row, within Table Storage's 100.
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

    /// <summary>On a keyed head: the block whose slots (and "Start") the head carries (see the remarks above).</summary>
    public const string HeadBlock = "IndexBlock";

    public static long BlockOf(long sequence) => (sequence - 1) / ChainCheckpoints.Interval;

    public static string Slot(long sequence) => $"T{(sequence - 1) % ChainCheckpoints.Interval:D2}";

    /// <summary>Records on <paramref name="commit"/>'s reference rows in <paramref name="batch"/> the row key of the entry each names.</summary>
    public static void NameEntryKeys(List<TableTransactionAction> batch, BookCommit commit)
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
    }

    /// <summary>Adds the index rows of <paramref name="commit"/>'s entries to <paramref name="batch"/>: a merge per block they fall in.</summary>
    public static void AddTo(List<TableTransactionAction> batch, string partition, BookCommit commit)
    {
        foreach (var block in commit.Entries.GroupBy(e => BlockOf(e.Sequence)))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, Row(partition, block.Key, block)));
        }

        RequireWithin(batch, commit);
    }

    /// <summary>
    /// Indexes <paramref name="commit"/>'s entries on a keyed head: the slots of the block its last entry falls in go
    /// on the head (merged into it); each block the commit completes is written as its row, from the slots
    /// <paramref name="stored"/> (the head the commit is built on, when it carries that block) and the commit's own.
    /// </summary>
    public static void AddTo(List<TableTransactionAction> batch, TableEntity head, TableEntity? stored, BookCommit commit)
    {
        var current = BlockOf(commit.Head.Sequence);
        head[HeadBlock] = current;
        foreach (var block in commit.Entries.GroupBy(e => BlockOf(e.Sequence)))
        {
            if (block.Key == current)
            {
                Fill(head, block, HeadStart);
            }

            if ((block.Key + 1) * ChainCheckpoints.Interval <= commit.Head.Sequence)
            {
                var row = Row(head.PartitionKey, block.Key, block);
                if (stored is not null)
                {
                    CopyCarried(stored, block.Key, row);
                }

                batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, row));
            }
        }

        RequireWithin(batch, commit);
    }

    /// <summary>Whether a commit on a head at <paramref name="sequence"/> completes the block the head carries (then the commit needs what it carries).</summary>
    public static bool Completes(long sequence, BookCommit commit) =>
        sequence % ChainCheckpoints.Interval != 0 && BlockOf(sequence) < BlockOf(commit.Head.Sequence + 1);

    /// <summary>The block a keyed head carries slots of, or null (a head that carries none).</summary>
    public static long? CarriedBlock(TableEntity head) => head.GetInt64OrNull(HeadBlock);

    /// <summary>
    /// The slots and checkpoint of block <paramref name="block"/> that <paramref name="head"/> carries, up to its
    /// sequence: a slot beyond it is left from an earlier block (merges never remove one) and is not taken.
    /// </summary>
    public static (Dictionary<string, long> Slots, string? Start) Carried(TableEntity head, long block)
    {
        if (CarriedBlock(head) != block)
        {
            return (new Dictionary<string, long>(StringComparer.Ordinal), null);
        }

        var first = block * ChainCheckpoints.Interval + 1;
        var last = Math.Min(BookRows.ToHead(head).Sequence, first + ChainCheckpoints.Interval - 1);
        return (SlotsOf(head, first, last), head.GetStringOrNull(HeadStart));
    }

    /// <summary>The slots and checkpoint an index row holds (every slot: a row holds only its own block's).</summary>
    public static (Dictionary<string, long> Slots, string? Start) Stored(TableEntity row) =>
        (SlotsOf(row, 1, ChainCheckpoints.Interval), row.GetStringOrNull(Start));

    // The slots of sequences first to last (all in one block) that row holds.
    private static Dictionary<string, long> SlotsOf(TableEntity row, long first, long last)
    {
        var slots = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var sequence = first; sequence <= last; sequence++)
        {
            if (row.GetInt64OrNull(Slot(sequence)) is { } ticks)
            {
                slots[Slot(sequence)] = ticks;
            }
        }

        return slots;
    }

    /// <summary>The index row of <paramref name="block"/> for <paramref name="entries"/> (all in that block), to merge into what is stored.</summary>
    public static TableEntity Row(string partition, long block, IEnumerable<LedgerEntry> entries)
    {
        var row = new TableEntity(partition, LedgerKeys.SequenceBlock(partition, block));
        Fill(row, entries, Start);
        return row;
    }

    // The head's name for its block's checkpoint: "Start" alone would read as something of the head itself.
    private const string HeadStart = "IndexStart";

    private static void Fill(TableEntity row, IEnumerable<LedgerEntry> entries, string start)
    {
        foreach (var entry in entries)
        {
            row[Slot(entry.Sequence)] = entry.CreatedAt.UtcTicks;
            if ((entry.Sequence - 1) % ChainCheckpoints.Interval == 0)
            {
                row[start] = entry.PreviousHash;
            }
        }
    }

    // What stored carries of block (nothing when it carries another) goes on the block's row, beside the commit's own slots.
    private static void CopyCarried(TableEntity stored, long block, TableEntity row)
    {
        var (slots, start) = Carried(stored, block);
        foreach (var (slot, ticks) in slots)
        {
            row.TryAdd(slot, ticks);
        }

        if (start is not null)
        {
            row.TryAdd(Start, start);
        }
    }

    private static void RequireWithin(List<TableTransactionAction> batch, BookCommit commit)
    {
        if (batch.Count > TableLedgerStore.MaxBatchSize)
        {
            throw new ArgumentException(
                $"A commit writes {batch.Count} rows with its index; one transaction holds at most {TableLedgerStore.MaxBatchSize}", nameof(commit));
        }
    }
}
