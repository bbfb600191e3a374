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

    public async Task<BookHead> HeadAsync(string bookId, CancellationToken ct) =>
        await BookHeads.ReadAsync(table, LedgerKeys.Partition(bookId), layout.Heads, ct) is { } row ? BookRows.ToHead(row) : BookHead.Empty;

    public async Task<SequenceWindow?> ReadAsync(string bookId, long from, long to, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        var partition = LedgerKeys.Partition(bookId);
        var checkpoints = new Dictionary<long, string>();
        if (to < from)
        {
            return new SequenceWindow([], checkpoints);
        }

        var firstBlock = SequenceIndex.BlockOf(from);
        var blocks = await GetManyAsync(partition,
            Enumerable.Range(0, (int)(SequenceIndex.BlockOf(to) - firstBlock + 1)).Select(i => LedgerKeys.SequenceBlock(partition, firstBlock + i)).ToList(), ct);
        if (blocks.Any(b => b is null))
        {
            return null;
        }

        for (var i = 0; i < blocks.Length; i++)
        {
            if (blocks[i]!.GetStringOrNull(SequenceIndex.Start) is { } start)
            {
                checkpoints[(firstBlock + i) * ChainCheckpoints.Interval] = start;
            }
        }

        var keys = new List<string>((int)(to - from + 1));
        for (var sequence = from; sequence <= to; sequence++)
        {
            var ticks = blocks[SequenceIndex.BlockOf(sequence) - firstBlock]!.GetInt64OrNull(SequenceIndex.Slot(sequence));
            if (ticks is null)
            {
                return null;
            }

            keys.Add(LedgerKeys.Entry(new DateTimeOffset(ticks.Value, TimeSpan.Zero), sequence));
        }

        var rows = await GetManyAsync(partition, keys, ct);
        return rows.Any(r => r is null) ? null : new SequenceWindow(rows.Select(r => EntryRows.To(r!)).ToList(), checkpoints);
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

    private async Task<TableEntity?[]> GetManyAsync(string partition, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var rows = new TableEntity?[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => rows[i] = await table.GetAsync(partition, keys[i], token));
        return rows;
    }
}
