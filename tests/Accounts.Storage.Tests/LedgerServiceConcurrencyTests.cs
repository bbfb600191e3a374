using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

/// <summary>The ledger service over real Table Storage: concurrent credits leave the exact sum and an intact chain.</summary>
public sealed class LedgerServiceConcurrencyTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static Posting Credit(string reference, long minor) =>
        new(reference, "acc-1", EntryType.Deposit, Direction.Credit, EntryStatus.Settled, new Money(minor, Usd),
            BalanceDelta.SettledCredit(minor), $"credit {reference}");

    [Fact]
    public async Task Fifty_parallel_credits_to_one_book_leave_the_exact_sum_and_fifty_chained_entries()
    {
        var bookId = NewBookId();
        var service = new LedgerService(new TableLedgerStore(Tables), TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Task.Run(() => service.PostAsync(bookId, Credit($"c{i}", 100 + i), Ct))));

        await AssertBookAsync(bookId, 50, Enumerable.Range(1, 50).Sum(i => 100L + i));
        Assert.All(results, r => Assert.True(r.Applied));
        var store = new TableLedgerStore(Tables);
        foreach (var result in results.Take(5))
        {
            Assert.Equal(result.Entry, await store.FindEntryAsync(bookId, result.Entry.Id, Ct));
        }
    }

    [Fact]
    public async Task Two_app_instances_racing_on_one_book_apply_every_credit_once()
    {
        var bookId = NewBookId();
        var store = new TableLedgerStore(Tables);
        var instances = new[] { new LedgerService(store, TimeProvider.System), new LedgerService(store, TimeProvider.System) };

        // Each credit is sent to both instances, as a redelivered message would be: one applies it, one replays it.
        var results = await Task.WhenAll(Enumerable.Range(1, 30).SelectMany(i => instances.Select(instance =>
            Task.Run(() => instance.PostAsync(bookId, Credit($"c{i}", i), Ct)))));

        await AssertBookAsync(bookId, 30, Enumerable.Range(1, 30).Sum(i => (long)i));
        Assert.Equal(30, results.Count(r => r.Applied));
        Assert.Equal(30, results.Count(r => !r.Applied));
    }

    private async Task AssertBookAsync(string bookId, int entries, long sum)
    {
        var store = new TableLedgerStore(Tables);
        var balance = Assert.Single(await store.GetBalancesAsync(bookId, Ct));
        var chain = await store.QueryEntriesAsync(bookId, new EntryQuery(Take: 1000, OldestFirst: true), Ct);
        Assert.Equal(sum, balance.Posted);
        Assert.Equal(entries, chain.Count);
        Assert.Equal(Enumerable.Range(1, entries).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Equal(sum, chain[^1].PostedAfter);
        Assert.Null(HashChain.FirstBrokenIndex(chain));
        Assert.Equal((await store.ReadAsync(bookId, [], Ct)).Head.LastHash, chain[^1].Hash);
    }
}
