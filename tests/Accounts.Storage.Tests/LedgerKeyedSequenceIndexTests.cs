using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using Azure.Data.Tables;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

/// <summary>
/// The sequence index of a book with a keyed head: the block being filled lives on the head, a block's row is written
/// by the commit that completes it, and reads take each block from wherever it is.
/// </summary>
public sealed class LedgerKeyedSequenceIndexTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableLedgerStore Keyed => new(Tables, new LedgerLayout(HeadRows.Keyed));

    private TableLedgerStore Shared => new(Tables, LedgerLayout.Shared);

    private TableBookSequence Index => new(Tables, new LedgerLayout(HeadRows.Keyed));

    [Fact]
    public async Task The_block_being_filled_is_on_the_head_and_a_completed_block_has_its_row()
    {
        var bookId = NewBookId();
        var all = await CommitAsync(Keyed, bookId, 60, 60, 30);
        var partition = LedgerKeys.Partition(bookId);

        var rows = await BookRowsAsync(bookId);
        var completed = rows[LedgerKeys.SequenceBlock(partition, 0)];
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long?)all[i].CreatedAt.UtcTicks), Enumerable.Range(0, 100).Select(i => completed.GetInt64($"T{i:D2}")));
        Assert.Equal(all[0].PreviousHash, completed.GetString(SequenceIndex.Start));
        Assert.False(rows.ContainsKey(LedgerKeys.SequenceBlock(partition, 1)));
        var head = rows[LedgerKeys.KeyedHead(partition)];
        Assert.Equal(1, head.GetInt64(SequenceIndex.HeadBlock));
        Assert.Equal(all[149].CreatedAt.UtcTicks, head.GetInt64("T49"));

        var window = await Index.WindowAsync(bookId, 95, 150, Ct);

        Assert.NotNull(window);
        Assert.Equal(all[94..150], window.Entries);
        Assert.Equal(all[99].Hash, window.Checkpoints[100]);
        Assert.Equal(all[0].PreviousHash, window.Checkpoints[0]);
    }

    [Fact]
    public async Task Slots_left_on_the_head_from_the_block_before_are_not_read_as_the_current_blocks()
    {
        var bookId = NewBookId();
        var all = await CommitAsync(Keyed, bookId, 28, 28, 28, 28, 3);

        // The head carries block 1 (sequences 101-115), and still holds T15…T99 from block 0.
        Assert.Equal(all[20].CreatedAt.UtcTicks, (await BookRowsAsync(bookId))[LedgerKeys.KeyedHead(LedgerKeys.Partition(bookId))].GetInt64("T20"));
        var window = await Index.WindowAsync(bookId, 101, 115, Ct);
        var beyond = await Index.WindowAsync(bookId, 101, 116, Ct);

        Assert.Equal(all[100..115], window!.Entries);
        Assert.Null(beyond);
        Assert.Equal(all, (await Index.WindowAsync(bookId, 1, 115, Ct))!.Entries);
    }

    [Fact]
    public async Task A_block_begun_on_the_shared_head_and_completed_on_the_keyed_one_is_read_whole()
    {
        var bookId = NewBookId();
        var all = await CommitAsync(Shared, bookId, 40);
        all.AddRange(await CommitAsync(Keyed, bookId, 28, 2));
        var partition = LedgerKeys.Partition(bookId);
        Assert.Equal(all, (await Index.WindowAsync(bookId, 1, 70, Ct))!.Entries);

        all.AddRange(await CommitAsync(Keyed, bookId, 28, 10));

        var rows = await BookRowsAsync(bookId);
        var block = rows[LedgerKeys.SequenceBlock(partition, 0)];
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long?)all[i].CreatedAt.UtcTicks), Enumerable.Range(0, 100).Select(i => block.GetInt64($"T{i:D2}")));
        var window = await Index.WindowAsync(bookId, 1, 108, Ct);
        Assert.Equal(all, window!.Entries);
        Assert.Equal(all[0].PreviousHash, window.Checkpoints[0]);
        Assert.Equal(all[99].Hash, window.Checkpoints[100]);
    }

    [Fact]
    public async Task The_ledger_service_posting_past_a_block_on_the_book_it_remembers_indexes_every_entry()
    {
        var bookId = NewBookId();
        var service = new LedgerService(Keyed, TimeProvider.System);

        for (var i = 1; i <= 130; i++)
        {
            Assert.True((await service.PostAsync(bookId, new Posting($"c{i}", "acc-1", EntryType.Deposit, Direction.Credit, EntryStatus.Settled,
                new Money(i, Usd), BalanceDelta.SettledCredit(i), $"credit {i}"), Ct)).Applied);
        }

        var chain = await Keyed.QueryEntriesAsync(bookId, new EntryQuery(Take: 1000, OldestFirst: true), Ct);
        var window = await Index.WindowAsync(bookId, 1, 130, Ct);
        Assert.Equal(chain, window!.Entries);
        Assert.Equal(130, chain.Count);
        Assert.Equal(Enumerable.Range(1, 130).Sum(i => (long)i), chain[^1].PostedAfter);
        Assert.Equal(chain[99].Hash, window.Checkpoints[100]);
    }

    /// <summary>Commits of <paramref name="counts"/> entries each through <paramref name="store"/>; the entries committed.</summary>
    private async Task<List<LedgerEntry>> CommitAsync(TableLedgerStore store, string bookId, params int[] counts)
    {
        var all = new List<LedgerEntry>();
        foreach (var count in counts)
        {
            var basis = await store.ReadAsync(bookId, [], Ct);
            var commit = Many(basis, count, basis.Head.Sequence + 1, T0.AddDays(basis.Head.Sequence));
            Assert.NotNull(await store.TryCommitAsync(basis, commit, Ct));
            all.AddRange(commit.Entries);
        }

        return all;
    }
}
