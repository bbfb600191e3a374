using Accounts.Core.Ledger;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using Azure.Data.Tables;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

/// <summary>The sequence index every commit writes, read by position with point reads, and its backfill.</summary>
public sealed class LedgerSequenceIndexTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableLedgerStore Store => new(Tables);

    private TableBookSequence Index => new(Tables, LedgerLayout.Shared);

    [Fact]
    public async Task Entries_are_read_by_sequence_across_commits_and_blocks_with_each_blocks_checkpoint()
    {
        var bookId = NewBookId();
        var all = new List<LedgerEntry>();
        foreach (var count in new[] { 60, 60, 30 })
        {
            var basis = await Store.ReadAsync(bookId, [], Ct);
            var commit = Many(basis, count, basis.Head.Sequence + 1, T0.AddDays(all.Count));
            Assert.NotNull(await Store.TryCommitAsync(basis, commit, Ct));
            all.AddRange(commit.Entries);
        }

        var window = await Index.WindowAsync(bookId, 95, 120, Ct);

        Assert.NotNull(window);
        Assert.Equal(all[94..120], window.Entries);
        Assert.Equal(all[99].Hash, Assert.Single(window.Checkpoints, c => c.Key == 100).Value);
        Assert.Equal(all[^1].Sequence, (await Index.AtHeadAsync(bookId, Ct)).Head.Sequence);
        Assert.Equal(BookHead.Empty, (await Index.AtHeadAsync(NewBookId(), Ct)).Head);
    }

    [Fact]
    public async Task A_reference_names_its_entry_by_key_and_an_unknown_reference_is_null()
    {
        var bookId = NewBookId();
        var basis = await Store.ReadAsync(bookId, [], Ct);
        var commit = Credit(basis, "ref-1", 500, T0);
        Assert.NotNull(await Store.TryCommitAsync(basis, commit, Ct));

        var found = await Index.FindByReferenceAsync(bookId, "ref-1", Ct);

        Assert.Equal(new ReferencedEntry("ref-1", commit.Entries[0].Id, commit.Entries[0]), found);
        Assert.Null(await Index.FindByReferenceAsync(bookId, "ref-2", Ct));
    }

    [Fact]
    public async Task A_book_without_index_rows_is_not_covered_until_backfilled()
    {
        var bookId = NewBookId();
        var basis = await Store.ReadAsync(bookId, [], Ct);
        var commit = Many(basis, 30);
        Assert.NotNull(await Store.TryCommitAsync(basis, commit, Ct));
        await Tables.Ledger.Client.DeleteEntityAsync(LedgerKeys.Partition(bookId), LedgerKeys.SequenceBlock(LedgerKeys.Partition(bookId), 0));

        var before = await Index.WindowAsync(bookId, 1, 30, Ct);
        await Index.BackfillAsync(bookId, commit.Entries.Take(20).ToList(), Ct);
        var backfilled = await Index.WindowAsync(bookId, 1, 20, Ct);
        var beyond = await Index.WindowAsync(bookId, 1, 21, Ct);

        Assert.Null(before);
        Assert.Equal(commit.Entries.Take(20), backfilled!.Entries);
        Assert.Null(beyond);
    }

    [Fact]
    public async Task A_block_under_the_key_every_book_once_shared_is_not_read_so_the_book_reads_as_not_indexed()
    {
        var bookId = NewBookId();
        var basis = await Store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(basis, Many(basis, 30), Ct));
        var partition = LedgerKeys.Partition(bookId);
        Assert.NotNull(await Index.WindowAsync(bookId, 1, 30, Ct));

        var block = (await Tables.Ledger.Client.GetEntityAsync<TableEntity>(partition, LedgerKeys.SequenceBlock(partition, 0), cancellationToken: Ct)).Value;
        await Tables.Ledger.Client.DeleteEntityAsync(partition, block.RowKey, cancellationToken: Ct);
        block.RowKey = "n|0000000000";
        await Tables.Ledger.Client.AddEntityAsync(block, Ct);

        Assert.Null(await Index.WindowAsync(bookId, 1, 30, Ct));
    }

    [Fact]
    public async Task A_commit_with_its_index_never_exceeds_one_transaction()
    {
        var bookId = NewBookId();
        var basis = await Store.ReadAsync(bookId, [], Ct);

        // 97 entries span two blocks: with the head and the balance that is 101 rows.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.TryCommitAsync(basis, Many(basis, 97, 50), Ct));

        Assert.Contains("at most 100", error.Message, StringComparison.Ordinal);
        Assert.Equal(BookHead.Empty, (await Index.AtHeadAsync(bookId, Ct)).Head);
    }
}
