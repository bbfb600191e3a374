using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Ledger;

public class LedgerServiceTests
{
    private static readonly Currency Sgd = new("SGD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero));

    private LedgerService Service => new(_store, _clock);

    private static Posting Credit(string reference, long minor, EntryStatus status = EntryStatus.Settled) =>
        new(reference, "acct-1", EntryType.Deposit, Direction.Credit, status, new Money.Money(minor, Sgd),
            status == EntryStatus.Pending ? BalanceDelta.PendingCredit(minor) : BalanceDelta.SettledCredit(minor), "deposit");

    [Fact]
    public async Task A_credit_moves_the_posted_balance_and_records_the_balance_after()
    {
        var service = Service;
        await service.PostAsync("book", Credit("r1", 10050), CancellationToken.None);
        var second = await service.PostAsync("book", Credit("r2", 25), CancellationToken.None);

        var balance = Assert.Single(await service.GetBalancesAsync("book", CancellationToken.None));
        Assert.Equal(10075, balance.Posted);
        Assert.Equal(10075, balance.Available);
        Assert.Equal(10075, second.Entry.PostedAfter);
        Assert.Equal(2, second.Entry.Sequence);
    }

    [Fact]
    public async Task Opening_a_balance_adds_a_zero_balance_once_and_no_entry()
    {
        var service = Service;
        await service.PostAsync("book", Credit("r1", 700), CancellationToken.None);
        var usd = new Currency("USD", 2);

        await service.OpenBalanceAsync("book", usd, CancellationToken.None);
        await service.OpenBalanceAsync("book", usd, CancellationToken.None);
        await service.OpenBalanceAsync("book", Sgd, CancellationToken.None);

        var balances = (await service.GetBalancesAsync("book", CancellationToken.None)).OrderBy(b => b.Currency.Code).ToList();
        Assert.Equal(new[] { ("SGD", 700L, 700L), ("USD", 0L, 0L) }, balances.Select(b => (b.Currency.Code, b.Posted, b.Available)));
        var snapshot = await _store.ReadAsync("book", [], CancellationToken.None);
        Assert.Equal(1, snapshot.Head.Sequence);
        Assert.Single(await service.QueryEntriesAsync("book", new EntryQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task A_pending_credit_adds_to_pending_only()
    {
        await Service.PostAsync("book", Credit("r1", 500, EntryStatus.Pending), CancellationToken.None);

        var balance = Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None));
        Assert.Equal((0, 500, 0L), (balance.Posted, balance.Pending, balance.Available));
    }

    [Fact]
    public async Task Posting_a_reference_again_returns_the_first_entry_and_changes_nothing()
    {
        var service = Service;
        var first = await service.PostAsync("book", Credit("r1", 100), CancellationToken.None);
        var replay = await service.PostAsync("book", Credit("r1", 100), CancellationToken.None);

        Assert.True(first.Applied);
        Assert.False(replay.Applied);
        Assert.Equal(first.Entry, replay.Entry);
        Assert.Equal(100, Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None)).Posted);
    }

    [Fact]
    public async Task A_reference_reused_with_a_different_amount_is_a_conflict()
    {
        var service = Service;
        await service.PostAsync("book", Credit("r1", 100), CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() => service.PostAsync("book", Credit("r1", 101), CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(100, Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None)).Posted);
    }

    [Fact]
    public async Task A_commit_that_loses_a_race_is_rebuilt_and_applied_once()
    {
        _store.FailNextCommits = 3;

        var result = await Service.PostAsync("book", Credit("r1", 100), CancellationToken.None);

        Assert.True(result.Applied);
        Assert.Equal(1, _store.Commits);
        Assert.Equal(100, Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None)).Posted);
    }

    [Fact]
    public async Task Postings_that_wait_together_share_commits_and_chain_every_entry()
    {
        var service = Service;
        _store.CommitGate = new TaskCompletionSource();
        var posts = Enumerable.Range(1, 200).Select(i => service.PostAsync("book", Credit($"r{i}", i), CancellationToken.None)).ToList();
        _store.CommitGate.SetResult();
        var results = await Task.WhenAll(posts);

        var entries = await _store.QueryEntriesAsync("book", new EntryQuery(Take: 1000, OldestFirst: true), CancellationToken.None);
        Assert.All(results, r => Assert.True(r.Applied));
        Assert.Equal(200 * 201 / 2, Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None)).Posted);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Null(HashChain.FirstBrokenIndex(entries));
        // The first commit may carry only the first posting; the other 199 waited and go in batches of MaxBatch.
        Assert.True(_store.Commits <= 1 + (199 + LedgerService.MaxBatch - 1) / LedgerService.MaxBatch, $"{_store.Commits} commits");
    }

    [Fact]
    public async Task Entry_times_never_go_backwards_even_when_the_clock_does()
    {
        var service = Service;
        var first = await service.PostAsync("book", Credit("r1", 1), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(-5));
        var second = await service.PostAsync("book", Credit("r2", 1), CancellationToken.None);

        Assert.True(second.Entry.CreatedAt > first.Entry.CreatedAt);
        Assert.Equal(first.Entry.Hash, second.Entry.PreviousHash);
    }
}
