using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using Azure.Data.Tables;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

/// <summary>
/// Ledger:Heads: a book's head keyed by book, the shared row "head" left as a marker, no balance rows; and instances
/// with different settings side by side (a rollout) agreeing on every book's head.
/// </summary>
public sealed class LedgerKeyedHeadsTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableLedgerStore Keyed => new(Tables, new LedgerLayout(HeadRows.Keyed));

    private TableLedgerStore KeyedOnly => new(Tables, new LedgerLayout(HeadRows.KeyedOnly));

    private TableLedgerStore Shared => new(Tables, LedgerLayout.Shared);

    [Theory]
    [InlineData(HeadRows.Keyed)]
    [InlineData(HeadRows.KeyedOnly)]
    public async Task A_first_commit_writes_the_keyed_head_and_the_marker_and_no_balance_rows(HeadRows heads)
    {
        var bookId = NewBookId();
        var writer = new TableLedgerStore(Tables, new LedgerLayout(heads));
        var empty = await writer.ReadAsync(bookId, [], Ct);
        var commit = Credit(empty, "a", 1_000, T0);

        Assert.NotNull(await writer.TryCommitAsync(empty, commit, Ct));

        var rows = await BookRowsAsync(bookId);
        var keyedHead = rows[LedgerKeys.KeyedHead(LedgerKeys.Partition(bookId))];
        Assert.Equal(1, keyedHead.GetInt64("Sequence"));
        Assert.Equal(LedgerKeys.KeyedHead(LedgerKeys.Partition(bookId)), rows[LedgerKeys.Head].GetString("MovedTo"));
        Assert.DoesNotContain(rows.Keys, key => key.StartsWith(LedgerKeys.BalancePrefix, StringComparison.Ordinal));
        foreach (var store in new[] { Keyed, KeyedOnly, Shared })
        {
            var read = await store.ReadAsync(bookId, [], Ct);
            Assert.Equal(commit.Head, read.Head);
            Assert.Equal([new BookBalance(bookId, Usd, 1_000, 0, 0)], read.Balances.Values);
            Assert.Equal([new BookBalance(bookId, Usd, 1_000, 0, 0)], await store.GetBalancesAsync(bookId, Ct));
        }
    }

    [Fact]
    public async Task A_version_that_knows_no_keyed_heads_fails_on_the_marker_instead_of_reading_it_as_a_head()
    {
        var bookId = NewBookId();
        await CreditAsync(Keyed, bookId, "a", 1_000);

        // The previous version read the row "head" and mapped it with this same code.
        var marker = (await Tables.Ledger.Client.GetEntityAsync<TableEntity>(LedgerKeys.Partition(bookId), LedgerKeys.Head, cancellationToken: Ct)).Value;

        Assert.Throws<InvalidDataException>(() => BookRows.ToHead(marker));
    }

    [Fact]
    public async Task A_shared_head_moves_to_its_keyed_row_on_the_next_keyed_commit_with_every_balance()
    {
        var bookId = NewBookId();
        await CreditAsync(Shared, bookId, "a", 1_000);
        await CreditAsync(Shared, bookId, "b", 40, Jpy);
        Assert.Equal(1_000, (await BookRowsAsync(bookId))[LedgerKeys.Balance("USD")].GetInt64("Posted"));

        await CreditAsync(Keyed, bookId, "c", 500);

        var rows = await BookRowsAsync(bookId);
        Assert.Equal(3, rows[LedgerKeys.KeyedHead(LedgerKeys.Partition(bookId))].GetInt64("Sequence"));
        Assert.NotNull(rows[LedgerKeys.Head].GetString("MovedTo"));
        Assert.Null(rows[LedgerKeys.Head].GetInt64("Sequence"));

        // The balance row is left as it was: no longer written, and no longer read.
        Assert.Equal(1_000, rows[LedgerKeys.Balance("USD")].GetInt64("Posted"));
        var expected = new[] { new BookBalance(bookId, Jpy, 40, 0, 0), new BookBalance(bookId, Usd, 1_500, 0, 0) };
        foreach (var store in new[] { Keyed, KeyedOnly, Shared })
        {
            Assert.Equal(3, (await store.ReadAsync(bookId, [], Ct)).Head.Sequence);
            Assert.Equal(expected, (await store.GetBalancesAsync(bookId, Ct)).OrderBy(b => b.Currency.Code));
        }
    }

    [Fact]
    public async Task An_instance_with_the_setting_off_commits_to_a_moved_head_and_a_keyed_instance_reads_it()
    {
        var bookId = NewBookId();
        await CreditAsync(Keyed, bookId, "a", 1_000);

        var basis = await Shared.ReadAsync(bookId, [], Ct);
        var receipt = await Shared.TryCommitAsync(basis, Credit(basis, "b", 250, T0), Ct);

        Assert.NotNull(receipt);
        var read = await Keyed.ReadAsync(bookId, [], Ct);
        Assert.Equal(2, read.Head.Sequence);
        Assert.Equal(receipt.HeadVersion, read.HeadVersion);
        Assert.Equal([new BookBalance(bookId, Usd, 1_250, 0, 0)], read.Balances.Values);
        Assert.DoesNotContain((await BookRowsAsync(bookId)).Keys, key => key.StartsWith(LedgerKeys.BalancePrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HeadRows.Keyed, HeadRows.Shared, false)]
    [InlineData(HeadRows.Shared, HeadRows.Keyed, false)]
    [InlineData(HeadRows.Keyed, HeadRows.Shared, true)]
    [InlineData(HeadRows.Shared, HeadRows.Keyed, true)]
    [InlineData(HeadRows.KeyedOnly, HeadRows.Shared, true)]
    [InlineData(HeadRows.Shared, HeadRows.KeyedOnly, true)]
    [InlineData(HeadRows.KeyedOnly, HeadRows.Keyed, true)]
    public async Task Commits_of_two_settings_built_on_one_snapshot_never_both_succeed(HeadRows first, HeadRows second, bool emptyBook)
    {
        var bookId = NewBookId();
        if (!emptyBook)
        {
            await CreditAsync(Shared, bookId, "a", 1_000);
        }

        var stores = new[] { new TableLedgerStore(Tables, new LedgerLayout(first)), new TableLedgerStore(Tables, new LedgerLayout(second)) };
        var snapshots = new[] { await stores[0].ReadAsync(bookId, [], Ct), await stores[1].ReadAsync(bookId, [], Ct) };

        Assert.NotNull(await stores[0].TryCommitAsync(snapshots[0], Credit(snapshots[0], "x", 100, T0), Ct));
        Assert.Null(await stores[1].TryCommitAsync(snapshots[1], Credit(snapshots[1], "y", 200, T0), Ct));

        var expected = (emptyBook ? 0 : 1_000) + 100;
        Assert.Equal(expected, Assert.Single(await Keyed.GetBalancesAsync(bookId, Ct)).Posted);
        Assert.Equal(expected, Assert.Single(await Shared.GetBalancesAsync(bookId, Ct)).Posted);
    }

    [Fact]
    public async Task Keyed_only_misread_on_a_book_whose_head_is_still_shared_fails_its_commit_and_leaves_the_book_as_it_was()
    {
        var bookId = NewBookId();
        await CreditAsync(Shared, bookId, "a", 1_000);

        var misread = await KeyedOnly.ReadAsync(bookId, [], Ct);

        Assert.Null(misread.HeadVersion);
        Assert.Null(await KeyedOnly.TryCommitAsync(misread, Credit(misread, "b", 250, T0), Ct));
        var read = await Shared.ReadAsync(bookId, [], Ct);
        Assert.Equal(1, read.Head.Sequence);
        Assert.Equal([new BookBalance(bookId, Usd, 1_000, 0, 0)], read.Balances.Values);
    }

    [Fact]
    public async Task Instances_of_every_setting_racing_on_one_book_apply_every_credit_once_in_one_chain()
    {
        var bookId = NewBookId();
        var instances = new[] { Shared, Keyed, KeyedOnly }.Select(store => new LedgerService(store, TimeProvider.System)).ToList();

        // Each credit goes to every instance, as a redelivered message would: one applies it, the others replay it.
        var results = await Task.WhenAll(Enumerable.Range(1, 30).SelectMany(i => instances.Select(instance =>
            Task.Run(() => instance.PostAsync(bookId, new Posting($"c{i}", "acc-1", EntryType.Deposit, Direction.Credit, EntryStatus.Settled,
                new Money(i, Usd), BalanceDelta.SettledCredit(i), $"credit {i}"), Ct)))));

        var sum = Enumerable.Range(1, 30).Sum(i => (long)i);
        Assert.Equal(30, results.Count(r => r.Applied));
        var chain = await Keyed.QueryEntriesAsync(bookId, new EntryQuery(Take: 1000, OldestFirst: true), Ct);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Null(HashChain.FirstBrokenIndex(chain));
        Assert.Equal(sum, chain[^1].PostedAfter);
        Assert.Equal(sum, Assert.Single(await Keyed.GetBalancesAsync(bookId, Ct)).Posted);
        Assert.Equal(chain[^1].Hash, (await Shared.ReadAsync(bookId, [], Ct)).Head.LastHash);
    }

    /// <summary>Credits <paramref name="minor"/> to the book through <paramref name="store"/> on what it reads, and asserts the commit landed.</summary>
    private static async Task CreditAsync(TableLedgerStore store, string bookId, string reference, long minor, Currency? currency = null)
    {
        var basis = await store.ReadAsync(bookId, [], Ct);
        Assert.NotNull(await store.TryCommitAsync(basis, Credit(basis, reference, minor, T0, currency), Ct));
    }
}
