using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Ledger;

public class LedgerLimitsTests
{
    private const long Max = LedgerLimits.MaxBalanceMinor;
    private static readonly Currency Pkr = new("PKR", 2);

    private static BookBalance Balance(long posted, long pending = 0, long reserved = 0) => new("book", Pkr, posted, pending, reserved);

    [Fact]
    public void The_limit_is_far_below_what_a_long_holds() =>
        // 900 balances at the limit still sum within a long; a balance plus any parseable amount never overflows.
        Assert.True(Max <= long.MaxValue / 900);

    [Theory]
    [InlineData(0, Max, false)] // exactly the limit is allowed
    [InlineData(0, Max + 1, true)]
    [InlineData(Max - 1, 1, false)]
    [InlineData(Max, 1, true)]
    [InlineData(Max, 999_999_999_999_999_999, true)]
    public void A_posted_credit_may_fill_the_balance_up_to_the_limit(long posted, long credit, bool passes) =>
        Assert.Equal(passes, LedgerLimits.WouldPass(Balance(posted), BalanceDelta.SettledCredit(credit)));

    [Fact]
    public void Pending_and_an_empty_balance_are_limited_too()
    {
        Assert.True(LedgerLimits.WouldPass(Balance(0, pending: Max), BalanceDelta.PendingCredit(1)));
        Assert.True(LedgerLimits.WouldPass(null, BalanceDelta.SettledCredit(Max + 1)));
        Assert.False(LedgerLimits.WouldPass(null, BalanceDelta.PendingCredit(Max)));
    }

    [Fact]
    public void Available_is_limited_too()
    {
        // Posted stays at the limit and reserved near zero, but available = posted − reserved would pass it.
        Assert.True(LedgerLimits.WouldPass(Balance(Max), new BalanceDelta(0, 0, -1)));
        Assert.False(LedgerLimits.WouldPass(Balance(Max), new BalanceDelta(0, 0, 1)));
    }

    [Fact]
    public void A_debit_may_bring_a_balance_written_over_the_limit_back_down()
    {
        var over = Balance(long.MaxValue - 5);

        Assert.False(LedgerLimits.WouldPass(over, BalanceDelta.SettledDebit(10)));
        Assert.True(LedgerLimits.WouldPass(over, BalanceDelta.SettledCredit(10))); // and never throws for overflow
    }

    [Fact]
    public async Task A_posting_past_the_limit_is_refused_for_that_posting_alone_and_the_book_is_unchanged()
    {
        var store = new InMemoryLedgerStore();
        var ledger = new LedgerService(store, new ManualClock(DateTimeOffset.UnixEpoch));
        await ledger.PostAsync("book", Credit("fill", Max), CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() => ledger.PostAsync("book", Credit("one-more", 1), CancellationToken.None));

        Assert.Equal((ErrorKind.Validation, "amount"), (error.Kind, error.Field));
        Assert.Contains("limit", error.Message);
        var balance = Assert.Single(await store.GetBalancesAsync("book", CancellationToken.None));
        Assert.Equal(Max, balance.Posted);
        Assert.Single(await store.QueryEntriesAsync("book", new EntryQuery(Take: 10), CancellationToken.None));
    }

    private static Posting Credit(string reference, long minor) => new(reference, "acct", EntryType.Deposit, Direction.Credit,
        EntryStatus.Settled, new Money.Money(minor, Pkr), BalanceDelta.SettledCredit(minor), "credit " + reference);
}
