using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Ledger;

/// <summary>docs/LEDGER.md, invariants 3 and 4: a release frees only what is pending, in the posting's own currency.</summary>
public class PendingReleaseTests
{
    private static readonly Currency Sgd = new("SGD", 2);
    private static readonly Currency Usd = new("USD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly LedgerService _ledger;

    public PendingReleaseTests() => _ledger = new LedgerService(_store, new ManualClock(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero)));

    private static Posting Credit(string reference, EntryStatus status, Money.Money amount, long posted, long pending) =>
        new(reference, "acct-1", EntryType.Deposit, Direction.Credit, status, amount, new BalanceDelta(posted, pending, 0), reference);

    private Task<IntentResult> Deposit(DepositEventType type, Money.Money amount, string? refusal = null) =>
        _ledger.ApplyAsync("book", new DepositIntent(new DepositEvent("tenant", type, "ref-1", "123", amount, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), "acct-1", refusal), CancellationToken.None);

    private async Task<Dictionary<string, (long Posted, long Pending)>> Balances() =>
        (await _store.GetBalancesAsync("book", CancellationToken.None)).ToDictionary(b => b.Currency.Code, b => (b.Posted, b.Pending));

    [Theory]
    [InlineData(EntryStatus.Failed, 0)]
    [InlineData(EntryStatus.Settled, 500)]
    public async Task A_release_of_more_than_is_pending_is_refused(EntryStatus status, long posted)
    {
        await _ledger.PostAsync("book", Credit("held", EntryStatus.Pending, new Money.Money(100, Sgd), 0, 100), CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _ledger.PostAsync("book", Credit("over", status, new Money.Money(500, Sgd), posted, -500), CancellationToken.None));

        Assert.Equal((ErrorKind.Validation, "delta"), (error.Kind, error.Field));
        Assert.Contains("releases 500 pending but the SGD balance holds 100 pending", error.Message);
        Assert.Equal((0L, 100L), (await Balances())["SGD"]);
    }

    [Fact]
    public async Task Releasing_exactly_what_is_pending_is_allowed()
    {
        await _ledger.PostAsync("book", Credit("held", EntryStatus.Pending, new Money.Money(100, Sgd), 0, 100), CancellationToken.None);

        await _ledger.PostAsync("book", Credit("released", EntryStatus.Failed, new Money.Money(100, Sgd), 0, -100), CancellationToken.None);

        Assert.Equal((0L, 0L), (await Balances())["SGD"]);
    }

    [Fact]
    public async Task A_refused_settlement_in_another_currency_does_not_release_the_pending_amount_of_the_first()
    {
        // Pending in SGD, then settled in USD, which the account refuses: the refusal is booked in USD and cannot free
        // SGD money (one entry moves one currency's balance), so the SGD pending amount stays and USD moves nothing.
        await Deposit(DepositEventType.Pending, new Money.Money(1_000, Sgd));

        var refused = await Deposit(DepositEventType.Settled, new Money.Money(1_000, Usd), refusal: "the account does not take USD");

        Assert.Equal((EntryStatus.Failed, default(BalanceDelta)), (refused.Entry!.Status, refused.Entry.Delta));
        var balances = await Balances();
        Assert.Equal((0L, 1_000L), balances["SGD"]);
        Assert.Equal((0L, 0L), balances["USD"]);
    }
}
