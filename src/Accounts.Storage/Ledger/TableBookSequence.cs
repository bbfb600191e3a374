using Accounts.Core.Ledger;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>
/// Reads a book through its <see cref="SequenceIndex"/>: point reads only, so a read costs what it returns on Azure
/// Table Storage and on Azurite alike (where any query scans the whole table).
/// </summary>
public sealed class TableBookSequence(StorageTables tables, LedgerLayout layout) : IBookSequence
{
    // Point reads in flight per call: enough to hide round trips, few enough not to crowd out other requests.
    private const int Parallelism = 32;

    private readonly StorageTable table = tables.Ledger;
    private readonly TableLedgerStore ledger = new(tables, layout);

    public async Task<IBookAtHead> AtHeadAsync(string bookId, CancellationToken ct)
    {
        var partition = LedgerKeys.Partition(bookId);
        return new TableBookAtHead(this, partition, await BookHeads.ReadAsync(table, partition, layout.Heads, ct));
    }

    // The head row is read before the rows of any window: a block it carries (see SequenceIndex) has no row until it is
    // complete, and one completed after that read has its row by the time the rows are read (rows are written with the
    // head that moves on). Slots it carries are taken up to its own sequence only.
    private async Task<SequenceWindow?> ReadAsync(string partition, TableEntity? head, long from, long to, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        var checkpoints = new Dictionary<long, string>();
        if (to < from)
        {
            return new SequenceWindow([], checkpoints);
        }

        var firstBlock = SequenceIndex.BlockOf(from);
        var lastBlock = SequenceIndex.BlockOf(to);
        var slots = new Dictionary<long, Dictionary<string, long>>();
        var needed = new List<long>();
        for (var block = firstBlock; block <= lastBlock; block++)
        {
            var (carried, start) = head is null ? ([], null) : SequenceIndex.Carried(head, block);
            slots[block] = carried;
            if (start is not null)
            {
                checkpoints[block * ChainCheckpoints.Interval] = start;
            }

            var blockFrom = Math.Max(from, block * ChainCheckpoints.Interval + 1);
            var blockTo = Math.Min(to, (block + 1) * ChainCheckpoints.Interval);
            if (start is null || LongRange(blockFrom, blockTo).Any(sequence => !carried.ContainsKey(SequenceIndex.Slot(sequence))))
            {
                needed.Add(block);
            }
        }

        var rows = await GetManyAsync(partition, needed.Select(block => LedgerKeys.SequenceBlock(partition, block)).ToList(), ct);
        for (var i = 0; i < needed.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                continue;
            }

            var (stored, start) = SequenceIndex.Stored(row);
            foreach (var (slot, ticks) in stored)
            {
                slots[needed[i]].TryAdd(slot, ticks);
            }

            if (start is not null)
            {
                checkpoints.TryAdd(needed[i] * ChainCheckpoints.Interval, start);
            }
        }

        var keys = new List<string>((int)(to - from + 1));
        foreach (var sequence in LongRange(from, to))
        {
            if (!slots[SequenceIndex.BlockOf(sequence)].TryGetValue(SequenceIndex.Slot(sequence), out var ticks))
            {
                return null;
            }

            keys.Add(LedgerKeys.Entry(new DateTimeOffset(ticks, TimeSpan.Zero), sequence));
        }

        var entries = await GetManyAsync(partition, keys, ct);
        return entries.Any(r => r is null) ? null : new SequenceWindow(entries.Select(r => EntryRows.To(r!)).ToList(), checkpoints);
    }

    public async Task<ReferencedEntry?> FindByReferenceAsync(string bookId, string reference, CancellationToken ct)
    {
        var partition = LedgerKeys.Partition(bookId);
        var row = await table.GetAsync(partition, LedgerKeys.Reference(reference), ct);
        if (row is null)
        {
            return null;
        }

        var record = BookRows.ToReference(row);
        LedgerEntry? entry;
        if (row.GetStringOrNull(SequenceIndex.EntryKey) is { } key)
        {
            // Only an entry row, whatever the key says: a reference row is not hashed.
            var entryRow = key.StartsWith(LedgerKeys.EntryPrefix, StringComparison.Ordinal) ? await table.GetAsync(partition, key, ct) : null;
            entry = entryRow is null ? null : EntryRows.To(entryRow);
        }
        else
        {
            // A reference written before the index: found by its id, as the ledger itself finds it.
            entry = await ledger.FindEntryAsync(bookId, record.EntryId, ct);
        }

        return new ReferencedEntry(record.Reference, record.EntryId, entry);
    }

    public async Task BackfillAsync(string bookId, IReadOnlyList<LedgerEntry> verified, CancellationToken ct)
    {
        var partition = LedgerKeys.Partition(bookId);
        var rows = verified.GroupBy(e => SequenceIndex.BlockOf(e.Sequence))
            .Select(block => new TableTransactionAction(TableTransactionActionType.UpsertMerge, SequenceIndex.Row(partition, block.Key, block)))
            .ToList();

        // Merges of what the entries say, so repeating one (a retry, or two readers at once) writes the same values.
        foreach (var chunk in rows.Chunk(TableLedgerStore.MaxBatchSize))
        {
            await table.RunAsync(bounded => table.Client.SubmitTransactionAsync(chunk, bounded), ct);
        }
    }

    private sealed class TableBookAtHead(TableBookSequence index, string partition, TableEntity? head) : IBookAtHead
    {
        public BookHead Head { get; } = head is null ? BookHead.Empty : BookRows.ToHead(head);

        public Task<SequenceWindow?> ReadAsync(long from, long to, CancellationToken ct) => index.ReadAsync(partition, head, from, to, ct);
    }

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var value = from; value <= to; value++)
        {
            yield return value;
        }
    }

    private async Task<TableEntity?[]> GetManyAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var rows = new TableEntity?[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => rows[i] = await table.GetAsync(partition, keys[i], token));
        return rows;
    }
}
