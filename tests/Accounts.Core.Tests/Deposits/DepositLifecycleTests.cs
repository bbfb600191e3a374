using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Deposits;

public class DepositLifecycleTests
{
    private static readonly Currency Sgd = new("SGD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly LedgerService _ledger;

    public DepositLifecycleTests() =>
        _ledger = new LedgerService(_store, new ManualClock(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero)));

    private Task<IntentResult> Apply(DepositEventType type, long minor = 10050, string reference = "ref-1", string? refusal = null) =>
        _ledger.ApplyAsync("book", new DepositIntent(new DepositEvent("tenant", type, reference, "123", new Money.Money(minor, Sgd),
            new DepositSender("Jane", "999", "DBS"), null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), "acct-1", refusal), CancellationToken.None);

    private async Task<(long Posted, long Pending, int Entries)> Book()
    {
        var balance = (await _store.GetBalancesAsync("book", CancellationToken.None)).SingleOrDefault();
        var entries = await _store.QueryEntriesAsync("book", new EntryQuery(Take: 100), CancellationToken.None);
        return (balance?.Posted ?? 0, balance?.Pending ?? 0, entries.Count);
    }

    [Fact]
    public async Task Pending_then_settled_moves_the_amount_from_pending_to_posted()
    {
        await Apply(DepositEventType.Pending);
        Assert.Equal((0, 10050, 1), await Book());

        var settled = await Apply(DepositEventType.Settled);

        Assert.True(settled.Applied);
        Assert.Equal((10050, 0, 2), await Book());
        Assert.Equal(EntryStatus.Settled, settled.Entry!.Status);
    }

    [Fact]
    public async Task Settled_without_pending_credits_directly()
    {
        await Apply(DepositEventType.Settled);

        Assert.Equal((10050, 0, 1), await Book());
    }

    [Fact]
    public async Task Every_event_delivered_twice_has_one_effect()
    {
        foreach (var type in new[] { DepositEventType.Pending, DepositEventType.Settled, DepositEventType.Reversed })
        {
            var first = await Apply(type);
            var again = await Apply(type);
            Assert.True(first.Applied);
            Assert.False(again.Applied);
            Assert.Equal(first.Entry, again.Entry);
        }

        Assert.Equal((0, 0, 3), await Book());
    }

    [Fact]
    public async Task A_late_pending_after_settlement_changes_nothing()
    {
        await Apply(DepositEventType.Settled);

        var late = await Apply(DepositEventType.Pending);

        Assert.False(late.Applied);
        Assert.Null(late.Entry);
        Assert.Contains("already moved on", late.Reason);
        Assert.Equal((10050, 0, 1), await Book());
    }

    [Fact]
    public async Task Rejected_releases_the_pending_amount()
    {
        await Apply(DepositEventType.Pending);

        var rejected = await Apply(DepositEventType.Rejected);

        Assert.True(rejected.Applied);
        Assert.Equal(EntryStatus.Failed, rejected.Entry!.Status);
        Assert.Equal((0, 0, 2), await Book());
        Assert.False((await Apply(DepositEventType.Settled)).Applied);
        Assert.Equal((0, 0, 2), await Book());
    }

    [Fact]
    public async Task A_rejection_after_settlement_changes_nothing()
    {
        await Apply(DepositEventType.Settled);

        var rejected = await Apply(DepositEventType.Rejected);

        Assert.False(rejected.Applied);
        Assert.Equal((10050, 0, 1), await Book());
    }

    [Fact]
    public async Task Reversal_debits_the_settled_amount_and_points_at_the_original()
    {
        var settled = await Apply(DepositEventType.Settled);

        var reversal = await Apply(DepositEventType.Reversed);

        Assert.True(reversal.Applied);
        Assert.Equal(EntryType.Reversal, reversal.Entry!.Type);
        Assert.Equal(Direction.Debit, reversal.Entry.Direction);
        Assert.Equal(settled.Entry!.Id, reversal.Entry.ParentEntryId);
        Assert.Equal((0, 0, 2), await Book());
    }

    [Fact]
    public async Task A_reversal_before_settlement_is_recorded_without_money_and_stops_the_later_settlement()
    {
        await Apply(DepositEventType.Pending);

        var early = await Apply(DepositEventType.Reversed);
        var settled = await Apply(DepositEventType.Settled);

        Assert.Equal((EntryStatus.Failed, 0L), (early.Entry!.Status, early.Entry.Delta.Posted));
        Assert.Equal(EntryStatus.Failed, settled.Entry!.Status);
        Assert.Equal((0, 0, 3), await Book());
    }

    [Fact]
    public async Task A_refused_settlement_moves_no_money_and_releases_the_pending_amount()
    {
        await Apply(DepositEventType.Pending);

        var refused = await Apply(DepositEventType.Settled, refusal: "account is closed");

        Assert.Equal(EntryStatus.Failed, refused.Entry!.Status);
        Assert.Contains("account is closed", refused.Entry.Description);
        Assert.Equal((0, 0, 2), await Book());
    }

    [Fact]
    public async Task A_redelivery_after_the_account_changed_replays_the_credit_instead_of_refusing_it()
    {
        var first = await Apply(DepositEventType.Settled);

        var replay = await Apply(DepositEventType.Settled, refusal: "account expired");

        Assert.False(replay.Applied);
        Assert.Equal(first.Entry, replay.Entry);
        Assert.Equal((10050, 0, 1), await Book());
    }

    [Fact]
    public async Task A_reversal_for_a_different_amount_is_recorded_but_not_applied()
    {
        await Apply(DepositEventType.Settled);

        var reversal = await Apply(DepositEventType.Reversed, minor: 1);

        Assert.Equal((EntryStatus.Failed, 0L), (reversal.Entry!.Status, reversal.Entry.Delta.Posted));
        Assert.Equal((10050, 0, 2), await Book());
    }
}
