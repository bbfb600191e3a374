using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Ledger;

/// <summary>
/// A ledger service starts each commit from what it last read or committed of the book; two services over one store
/// are two instances. What is remembered is only ever confirmed by a commit's version check.
/// </summary>
public class BookMemoryTests
{
    private static readonly Currency Sgd = new("SGD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero));

    private static Posting Credit(string reference, long minor) =>
        new(reference, "acct-1", EntryType.Deposit, Direction.Credit, EntryStatus.Settled, new Money.Money(minor, Sgd),
            BalanceDelta.SettledCredit(minor), "deposit");

    private static Posting Held(string reference, long minor) =>
        new(reference, "acct-1", EntryType.Deposit, Direction.Credit, EntryStatus.Pending, new Money.Money(minor, Sgd),
            BalanceDelta.PendingCredit(minor), "held");

    /// <summary>Settles <paramref name="minor"/> of what is pending: refused when less is pending.</summary>
    private static Posting Release(string reference, long minor) =>
        new(reference, "acct-1", EntryType.Deposit, Direction.Credit, EntryStatus.Settled, new Money.Money(minor, Sgd),
            new BalanceDelta(minor, -minor, 0), "settled");

    private async Task<long> PostedAsync() => Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None)).Posted;

    [Fact]
    public async Task Postings_to_a_book_this_instance_alone_writes_read_its_head_only_once()
    {
        var ledger = new LedgerService(_store, _clock);
        await ledger.PostAsync("book", Credit("r1", 100), CancellationToken.None);
        var reads = _store.HeadReads;

        for (var i = 2; i <= 5; i++)
        {
            await ledger.PostAsync("book", Credit($"r{i}", 100), CancellationToken.None);
        }

        Assert.Equal(reads, _store.HeadReads);
        Assert.Equal(5, _store.Commits);
        Assert.Equal(500, await PostedAsync());
        Assert.Equal(5, (await _store.ReadAsync("book", [], CancellationToken.None)).Head.Sequence);
    }

    [Fact]
    public async Task A_commit_on_a_head_another_instance_moved_is_written_nowhere_and_made_again_on_what_is_read()
    {
        var here = new LedgerService(_store, _clock);
        var there = new LedgerService(_store, _clock);
        await here.PostAsync("book", Credit("r1", 100), CancellationToken.None);
        await there.PostAsync("book", Credit("r2", 250), CancellationToken.None);

        var third = await here.PostAsync("book", Credit("r3", 25), CancellationToken.None);

        Assert.True(third.Applied);
        Assert.Equal(3, third.Entry.Sequence);
        Assert.Equal(375, third.Entry.PostedAfter);
        Assert.Equal(375, await PostedAsync());
        var entries = await _store.QueryEntriesAsync("book", new EntryQuery(OldestFirst: true), CancellationToken.None);
        Assert.Equal(["r1", "r2", "r3"], entries.Select(e => e.Reference));
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
    }

    [Fact]
    public async Task A_reference_another_instance_posted_since_is_a_replay_not_a_second_entry()
    {
        var here = new LedgerService(_store, _clock);
        var there = new LedgerService(_store, _clock);
        await here.PostAsync("book", Credit("r1", 100), CancellationToken.None);
        await there.PostAsync("book", Credit("r2", 250), CancellationToken.None);

        var again = await here.PostAsync("book", Credit("r2", 250), CancellationToken.None);

        Assert.False(again.Applied);
        Assert.Equal(350, await PostedAsync());
        Assert.Equal(2, _store.Commits);
    }

    [Fact]
    public async Task A_refusal_decided_on_remembered_balances_is_decided_again_on_the_book_as_stored()
    {
        var here = new LedgerService(_store, _clock);
        var there = new LedgerService(_store, _clock);
        await here.PostAsync("book", Held("h1", 100), CancellationToken.None);
        await there.PostAsync("book", Held("h2", 500), CancellationToken.None);

        // Remembered here: 100 pending, too little to release 300. Stored: 600.
        var settled = await here.PostAsync("book", Release("s1", 300), CancellationToken.None);

        Assert.True(settled.Applied);
        var balance = Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None));
        Assert.Equal((300L, 300L), (balance.Posted, balance.Pending));
    }

    [Fact]
    public async Task A_refusal_is_still_a_refusal_when_the_stored_book_agrees()
    {
        var ledger = new LedgerService(_store, _clock);
        await ledger.PostAsync("book", Held("h1", 100), CancellationToken.None);
        var reads = _store.HeadReads;

        var error = await Assert.ThrowsAsync<DomainException>(() => ledger.PostAsync("book", Release("s1", 300), CancellationToken.None));

        Assert.Equal((ErrorKind.Validation, "delta"), (error.Kind, error.Field));
        Assert.Equal(reads + 1, _store.HeadReads); // decided on memory first, then confirmed on the stored book
        var balance = Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None));
        Assert.Equal((0L, 100L), (balance.Posted, balance.Pending));
    }

    [Fact]
    public async Task Racing_instances_apply_every_posting_once()
    {
        var instances = Enumerable.Range(0, 3).Select(_ => new LedgerService(_store, _clock)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => instances[i % 3].PostAsync("book", Credit($"r{i % 30}", 10), CancellationToken.None))));

        Assert.Equal(300, await PostedAsync());
        var entries = await _store.QueryEntriesAsync("book", new EntryQuery(Take: 100, OldestFirst: true), CancellationToken.None);
        Assert.Equal(30, entries.Count);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), entries.Select(e => e.Sequence));
    }
}
