using Accounts.Core.Ledger;
using Accounts.Storage.Ledger;
using Accounts.TestSupport;
using static Accounts.Storage.Tests.LedgerData;

namespace Accounts.Storage.Tests;

public sealed class LedgerQueryTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableLedgerStore Store => new(Tables);

    [Fact]
    public async Task From_is_inclusive_and_to_is_exclusive_to_the_tick()
    {
        var (bookId, entries) = await FiveEntriesAsync();

        var found = await Store.QueryEntriesAsync(bookId, new EntryQuery(entries[1].CreatedAt, entries[3].CreatedAt, OldestFirst: true), Ct);

        Assert.Equal([entries[1], entries[2]], found);
        Assert.Equal(
            [entries[2]],
            await Store.QueryEntriesAsync(bookId, new EntryQuery(entries[1].CreatedAt.AddTicks(1), entries[3].CreatedAt.AddTicks(-1)), Ct));
    }

    [Fact]
    public async Task Entries_come_newest_first_unless_oldest_first_is_asked()
    {
        var (bookId, entries) = await FiveEntriesAsync();

        Assert.Equal(entries.AsEnumerable().Reverse(), await Store.QueryEntriesAsync(bookId, new EntryQuery(), Ct));
        Assert.Equal(entries, await Store.QueryEntriesAsync(bookId, new EntryQuery(OldestFirst: true), Ct));
    }

    [Fact]
    public async Task Skip_and_take_apply_after_ordering()
    {
        var (bookId, entries) = await FiveEntriesAsync();

        Assert.Equal([entries[3], entries[2]], await Store.QueryEntriesAsync(bookId, new EntryQuery(Skip: 1, Take: 2), Ct));
        Assert.Equal([entries[1], entries[2]], await Store.QueryEntriesAsync(bookId, new EntryQuery(Skip: 1, Take: 2, OldestFirst: true), Ct));
        Assert.Equal([entries[1]], await Store.QueryEntriesAsync(bookId, new EntryQuery(From: entries[1].CreatedAt, Skip: 3), Ct));
        Assert.Empty(await Store.QueryEntriesAsync(bookId, new EntryQuery(Take: 0), Ct));
        Assert.Empty(await Store.QueryEntriesAsync(bookId, new EntryQuery(From: entries[3].CreatedAt, To: entries[1].CreatedAt), Ct));
    }

    [Fact]
    public async Task Entries_in_the_same_tick_are_ordered_by_sequence()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        var first = Entry(bookId, 1, T0, "a", 1) with { CreatedAt = T0 };
        var second = Entry(bookId, 2, T0, "b", 1) with { CreatedAt = T0 };
        var commit = new BookCommit(new BookHead(2, second.Hash, T0), [], [second, first], []);
        Assert.NotNull(await Store.TryCommitAsync(empty, commit, Ct));

        Assert.Equal([second, first], await Store.QueryEntriesAsync(bookId, new EntryQuery(), Ct));
    }

    [Fact]
    public async Task Queries_follow_continuation_tokens_past_one_page()
    {
        // Table Storage pages at 1000 rows, so 1010 entries need a continuation token. 96 entries fill a commit: with
        // the head, the balance and the (at most two) rows of the sequence index, that is 100 rows.
        var bookId = NewBookId();
        var all = new List<LedgerEntry>();
        for (var batch = 0; batch < 11; batch++)
        {
            var basis = await Store.ReadAsync(bookId, [], Ct);
            var commit = Many(basis, batch == 10 ? 50 : 96, basis.Head.Sequence + 1, T0.AddDays(batch));
            Assert.NotNull(await Store.TryCommitAsync(basis, commit, Ct));
            all.AddRange(commit.Entries);
        }

        Assert.Equal(1010, all.Count);
        Assert.Equal(all, await Store.QueryEntriesAsync(bookId, new EntryQuery(Take: 2000, OldestFirst: true), Ct));
        Assert.Equal([all[^1], all[^2]], await Store.QueryEntriesAsync(bookId, new EntryQuery(Take: 2), Ct));
        Assert.Equal([all[1005]], await Store.QueryEntriesAsync(bookId, new EntryQuery(Skip: 1005, Take: 1, OldestFirst: true), Ct));
    }

    [Fact]
    public async Task Field_filters_apply_before_skip_and_take_in_both_orders()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        var entries = Enumerable.Range(1, 12).Select(i => Entry(bookId, i, T0.AddMinutes(i), $"r{i}", 100) with
        {
            AccountId = i % 2 == 0 ? "even" : "odd",
            Status = i % 3 == 0 ? EntryStatus.Pending : EntryStatus.Settled,
            Type = i % 4 == 0 ? EntryType.Fee : EntryType.Deposit,
            Delta = i % 3 == 0 ? BalanceDelta.PendingCredit(100) : BalanceDelta.SettledCredit(100),
            Amount = new Core.Money.Money(100, i == 12 ? Jpy : Usd),
        }).ToList();
        var last = entries[^1];
        Assert.NotNull(await Store.TryCommitAsync(empty, new BookCommit(new BookHead(12, last.Hash, last.CreatedAt), [], entries, []), Ct));

        async Task<long[]> Seq(EntryQuery q) => (await Store.QueryEntriesAsync(bookId, q, Ct)).Select(e => e.Sequence).ToArray();

        Assert.Equal(new long[] { 4, 6, 8 }, await Seq(new EntryQuery(AccountId: "even", Skip: 1, Take: 3, OldestFirst: true)));
        Assert.Equal(new long[] { 10, 8, 6 }, await Seq(new EntryQuery(AccountId: "even", Skip: 1, Take: 3)));
        Assert.Equal(new long[] { 6, 9 }, await Seq(new EntryQuery(Status: EntryStatus.Pending, Skip: 1, Take: 2, OldestFirst: true)));
        Assert.Equal(new long[] { 8, 4 }, await Seq(new EntryQuery(Type: EntryType.Fee, Skip: 1)));
        Assert.Equal(new long[] { 12 }, await Seq(new EntryQuery(Currency: "JPY")));
        Assert.Equal(new long[] { 10, 8, 7 }, await Seq(new EntryQuery(PostedChangesOnly: true, Skip: 1, Take: 3)));
        Assert.Equal(new long[] { 4, 8 }, await Seq(new EntryQuery(From: T0.AddMinutes(2), To: T0.AddMinutes(12), AccountId: "even", Type: EntryType.Fee,
            OldestFirst: true)));
    }

    [Fact]
    public async Task Find_entry_returns_the_entry_of_that_book_only()
    {
        var (bookId, entries) = await FiveEntriesAsync();

        Assert.Equal(entries[3], await Store.FindEntryAsync(bookId, entries[3].Id, Ct));
        Assert.Null(await Store.FindEntryAsync(bookId, "no-such-entry", Ct));
        Assert.Null(await Store.FindEntryAsync(NewBookId(), entries[3].Id, Ct));
    }

    private async Task<(string BookId, List<LedgerEntry> Entries)> FiveEntriesAsync()
    {
        var bookId = NewBookId();
        var empty = await Store.ReadAsync(bookId, [], Ct);
        var commit = Many(empty, 5);
        Assert.NotNull(await Store.TryCommitAsync(empty, commit, Ct));

        // A second book in the same table must never leak into the first one's results.
        var other = await Store.ReadAsync(NewBookId(), [], Ct);
        Assert.NotNull(await Store.TryCommitAsync(other, Many(other, 3), Ct));
        return (bookId, commit.Entries.ToList());
    }
}
