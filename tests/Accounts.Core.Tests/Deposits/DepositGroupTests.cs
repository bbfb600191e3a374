using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Deposits;

/// <summary>
/// A deposit's steps are one reference group: in a book that keeps group markers, a new reference's steps are taken as
/// absent without reading them and its marker is inserted with its first entry; anything else falls back to reading.
/// Each new <see cref="LedgerService"/> is another instance (or a restart): it remembers nothing of the book.
/// </summary>
public class DepositGroupTests
{
    private static readonly Currency Sgd = new("SGD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero));

    private LedgerService NewInstance() => new(_store, _clock);

    private LedgerService OlderVersion() => new(_store.AsOlderVersion(), _clock);

    private static DepositIntent Event(DepositEventType type, string reference, long minor = 500) =>
        new(new DepositEvent("t1", type, reference, "123", new Money.Money(minor, Sgd), null, null, DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch), "acct-1", null);

    private static Account Account() => new()
    {
        Id = "acct-1", TenantId = "t1", Kind = AccountKind.Internal, HolderId = "h", AccountNumber = "123", InstitutionCode = "X",
        Currency = "SGD", Country = "SG", Type = "CHECKING", Status = AccountStatus.Active, BookId = "book",
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private async Task<(long Posted, long Pending)> BalanceAsync()
    {
        var balance = Assert.Single(await _store.GetBalancesAsync("book", CancellationToken.None));
        return (balance.Posted, balance.Pending);
    }

    private async Task<int> EntriesAsync() =>
        (await _store.QueryEntriesAsync("book", new EntryQuery(Take: 100), CancellationToken.None)).Count;

    [Fact]
    public async Task A_new_reference_in_a_book_that_keeps_markers_reads_the_seal_and_its_marker_but_none_of_its_steps()
    {
        await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "first"), CancellationToken.None);
        var rowsRead = _store.RowsRead;

        var applied = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "second"), CancellationToken.None);

        Assert.True(applied.Applied);
        Assert.Equal(2, _store.RowsRead - rowsRead); // the account's seal and the reference's marker; none of the four steps
        Assert.True(_store.HasGroup("book", DepositReferences.Group("second")));
        Assert.Equal((1000L, 0L), await BalanceAsync());
    }

    [Fact]
    public async Task Deposits_into_a_book_this_instance_opened_read_nothing_at_all()
    {
        var ledger = NewInstance();
        await ledger.OpenBalanceAsync("book", Sgd, CancellationToken.None);
        var (heads, rows) = (_store.HeadReads, _store.RowsRead);

        var first = await ledger.ApplyAsync("book", Event(DepositEventType.Settled, "one"), CancellationToken.None);
        var second = await ledger.ApplyAsync("book", Event(DepositEventType.Pending, "two"), CancellationToken.None);

        Assert.True(first.Applied && second.Applied);
        Assert.Equal((heads, rows), (_store.HeadReads, _store.RowsRead));
        Assert.Equal((500L, 500L), await BalanceAsync());
    }

    [Fact]
    public async Task An_instance_that_opened_the_book_still_sees_the_seal_another_instance_wrote()
    {
        var opener = NewInstance();
        await opener.OpenBalanceAsync("book", Sgd, CancellationToken.None);
        await new AccountSeal(NewInstance()).SealAsync(Account(), requireEmpty: false, CancellationToken.None);

        var late = await opener.ApplyAsync("book", Event(DepositEventType.Settled, "late"), CancellationToken.None);

        Assert.Equal(EntryStatus.Failed, late.Entry!.Status);
        Assert.Equal((0L, 0L), await BalanceAsync());
    }

    [Theory]
    [InlineData(DepositEventType.Reversed)]
    [InlineData(DepositEventType.Rejected)]
    public async Task A_settlement_on_an_instance_that_remembers_nothing_finds_the_earlier_step_another_wrote_and_is_not_credited(
        DepositEventType earlier)
    {
        await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "open"), CancellationToken.None);
        await NewInstance().ApplyAsync("book", Event(earlier, "late"), CancellationToken.None);

        // Its steps are not read at first (taken as absent); the marker the earlier step wrote fails that commit.
        var settled = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "late"), CancellationToken.None);

        Assert.True(settled.Entry is null || settled.Entry.Status == EntryStatus.Failed);
        Assert.Equal((500L, 0L), await BalanceAsync());
    }

    [Fact]
    public async Task A_settlement_after_an_older_version_s_reversal_is_not_credited_by_an_instance_that_remembered_the_book()
    {
        var remembering = NewInstance();
        await remembering.ApplyAsync("book", Event(DepositEventType.Settled, "open"), CancellationToken.None);

        // An older version records a reversal before any settlement: no marker, and the head's flag is gone.
        await OlderVersion().ApplyAsync("book", Event(DepositEventType.Reversed, "late"), CancellationToken.None);

        var settled = await remembering.ApplyAsync("book", Event(DepositEventType.Settled, "late"), CancellationToken.None);
        var fresh = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "late"), CancellationToken.None);

        Assert.Equal(EntryStatus.Failed, settled.Entry!.Status);
        Assert.Equal(settled.Entry.Id, fresh.Entry!.Id);
        Assert.Equal((500L, 0L), await BalanceAsync());
    }

    [Fact]
    public async Task A_batch_in_more_currencies_than_one_commit_holds_is_committed_in_parts_and_every_deposit_lands()
    {
        string[] codes = ["USD", "EUR", "GBP", "JPY", "SGD", "PKR", "NGN", "KES", "ZAR", "AUD", "CAD", "CHF", "CNY", "HKD", "INR", "NZD",
            "SEK", "NOK", "DKK", "MXN"];
        var ledger = NewInstance();
        _store.CommitGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = ledger.ApplyAsync("book", Event(DepositEventType.Settled, "first"), CancellationToken.None);

        // These wait while the first commit is held, and then go as one batch: 28 entries, references and markers, and a
        // balance row in each of 20 currencies pass the 100 rows of one transaction.
        var batch = Enumerable.Range(0, LedgerService.MaxBatch).Select(i => ledger.ApplyAsync("book",
            new DepositIntent(new DepositEvent("t1", DepositEventType.Settled, $"multi-{i}", "123",
                new Money.Money(100, new Currency(codes[i % codes.Length], 2)), null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
                "acct-1", null), CancellationToken.None)).ToList();
        _store.CommitGate.SetResult();

        Assert.True((await first).Applied);
        Assert.All(await Task.WhenAll(batch), r => Assert.True(r.Applied));
        var balances = await _store.GetBalancesAsync("book", CancellationToken.None);
        Assert.Equal(LedgerService.MaxBatch * 100 + 500, balances.Sum(b => b.Posted));
        Assert.Equal(codes.Length, balances.Count);
        Assert.InRange(_store.Commits, 3, 1 + LedgerService.MaxBatch);
    }

    [Fact]
    public async Task A_redelivery_to_an_instance_that_remembers_nothing_is_a_replay()
    {
        var first = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "dup"), CancellationToken.None);

        var again = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "dup"), CancellationToken.None);

        Assert.False(again.Applied);
        Assert.Equal(first.Entry!.Id, again.Entry!.Id);
        Assert.Equal((500L, 0L), await BalanceAsync());
        Assert.Equal(1, await EntriesAsync());
    }

    [Fact]
    public async Task A_settlement_on_another_instance_finds_the_pending_step_and_releases_it()
    {
        await NewInstance().ApplyAsync("book", Event(DepositEventType.Pending, "held"), CancellationToken.None);
        Assert.Equal((0L, 500L), await BalanceAsync());

        var settled = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "held"), CancellationToken.None);

        Assert.Equal(EntryStatus.Settled, settled.Entry!.Status);
        Assert.Equal((500L, 0L), await BalanceAsync());
    }

    [Fact]
    public async Task Steps_of_one_reference_on_one_instance_are_decided_on_what_it_remembers()
    {
        var ledger = NewInstance();
        await ledger.ApplyAsync("book", Event(DepositEventType.Pending, "held"), CancellationToken.None);
        await ledger.ApplyAsync("book", Event(DepositEventType.Settled, "held"), CancellationToken.None);
        var replay = await ledger.ApplyAsync("book", Event(DepositEventType.Pending, "held"), CancellationToken.None);

        Assert.False(replay.Applied);
        Assert.Equal((500L, 0L), await BalanceAsync());
        Assert.Equal(2, await EntriesAsync());
    }

    [Fact]
    public async Task In_a_book_an_older_version_created_every_step_is_read_and_no_marker_is_written()
    {
        await OlderVersion().ApplyAsync("book", Event(DepositEventType.Settled, "old"), CancellationToken.None);
        var rowsRead = _store.RowsRead;

        await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "new"), CancellationToken.None);
        var again = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "old"), CancellationToken.None);

        Assert.False(again.Applied);
        Assert.True(_store.RowsRead - rowsRead >= 10); // both deposits read their four steps and the seal
        Assert.False(_store.HasGroup("book", DepositReferences.Group("new")));
        Assert.Equal((1000L, 0L), await BalanceAsync());
    }

    [Fact]
    public async Task A_step_an_older_version_posted_after_a_marker_keeping_commit_is_found_not_doubled()
    {
        var remembering = NewInstance();
        await remembering.ApplyAsync("book", Event(DepositEventType.Settled, "first"), CancellationToken.None);

        // An older version, mid-rollout, credits a reference without a marker and drops the head's flag.
        await OlderVersion().ApplyAsync("book", Event(DepositEventType.Settled, "rollout"), CancellationToken.None);

        var again = await remembering.ApplyAsync("book", Event(DepositEventType.Settled, "rollout"), CancellationToken.None);
        var fresh = await NewInstance().ApplyAsync("book", Event(DepositEventType.Settled, "rollout"), CancellationToken.None);

        Assert.False(again.Applied);
        Assert.False(fresh.Applied);
        Assert.Equal((1000L, 0L), await BalanceAsync());
        Assert.Equal(2, await EntriesAsync());
    }

    [Fact]
    public async Task A_deposit_after_the_seal_is_refused_by_an_instance_that_remembered_the_book_open()
    {
        var remembering = NewInstance();
        await remembering.ApplyAsync("book", Event(DepositEventType.Settled, "before"), CancellationToken.None);
        await new AccountSeal(NewInstance()).SealAsync(Account(), requireEmpty: false, CancellationToken.None);

        var late = await remembering.ApplyAsync("book", Event(DepositEventType.Settled, "late"), CancellationToken.None);

        Assert.Equal(EntryStatus.Failed, late.Entry!.Status);
        Assert.Contains("closed", late.Entry.Description);
        Assert.Equal((500L, 0L), await BalanceAsync());
    }
}
