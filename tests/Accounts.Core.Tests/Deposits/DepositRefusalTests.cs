using System.Text.RegularExpressions;
using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;
using Accounts.Core.Tests.NubanAccounts;

namespace Accounts.Core.Tests.Deposits;

/// <summary>Refused deposits through <see cref="DepositService"/>: the balance limit, and the wording of every reason.</summary>
public class DepositRefusalTests
{
    private const long Max = LedgerLimits.MaxBalanceMinor;
    private const string Limit = "the balance limit was reached (a PKR balance holds at most 100000000000000.00); refund due";
    private static readonly Currency Pkr = new("PKR", 2);
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 30, TimeSpan.Zero);
    private readonly InMemoryLedgerStore _store = new();
    private readonly InMemoryAccounts _accounts = new();
    private readonly DepositService _deposits;
    private readonly LedgerService _ledger;

    public DepositRefusalTests()
    {
        var clock = new ManualClock(Now);
        _ledger = new LedgerService(_store, clock);
        _deposits = new DepositService(_accounts, _ledger, new ReceivingRules(InstitutionCatalog.Default, clock));
    }

    [Fact]
    public async Task A_credit_that_would_pass_the_balance_limit_is_rejected_with_refund_due_and_the_balance_is_kept()
    {
        await OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(DepositStatus.Applied, (await Apply($"fill-{i}", DepositEvent.MaxAmountMinor)).Status);
        }

        var refused = await Apply("one-too-many", 1);
        var again = await Apply("one-too-many", 1);

        Assert.Equal((DepositStatus.Rejected, $"Refused deposit one-too-many: {Limit}"), (refused.Status, refused.Reason));
        Assert.Equal(refused, again); // a redelivery replays the refusal
        Assert.Equal((Max, 0L), await BalanceAsync());
        var entry = (await _store.FindEntryAsync("book-1", refused.EntryId!, CancellationToken.None))!;
        Assert.Equal((EntryStatus.Failed, default(BalanceDelta)), (entry.Status, entry.Delta));
    }

    [Fact]
    public async Task A_pending_amount_past_the_limit_is_refused_and_a_settlement_past_it_releases_what_was_held()
    {
        await OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            await Apply($"held-{i}", DepositEvent.MaxAmountMinor, DepositEventType.Pending);
        }

        var pendingRefused = await Apply("held-10", 1, DepositEventType.Pending);
        await Apply("posted", Max - 1);
        var settlementRefused = await Apply("held-0", DepositEvent.MaxAmountMinor);

        Assert.Equal((DepositStatus.Rejected, $"Refused deposit held-10: {Limit}"), (pendingRefused.Status, pendingRefused.Reason));
        Assert.Equal((DepositStatus.Rejected, $"Refused deposit held-0: {Limit}"), (settlementRefused.Status, settlementRefused.Reason));
        Assert.Equal((Max - 1, Max - DepositEvent.MaxAmountMinor), await BalanceAsync());
    }

    [Fact]
    public async Task An_expired_account_is_named_with_its_expiry_in_utc_and_refund_due_once()
    {
        await OpenAsync(a => a with
        {
            Kind = AccountKind.NubanDynamic,
            Currency = "NGN",
            ExpiresAt = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)),
        });

        var outcome = await Apply("late", 1000, currency: new Currency("NGN", 2));

        Assert.Equal("Refused deposit late: account 0123456789 expired at 2026-01-01T00:00:00Z; refund due", outcome.Reason);
    }

    [Theory]
    [InlineData(AccountStatus.Closed, "PKR")]
    [InlineData(AccountStatus.Blocked, "PKR")]
    [InlineData(AccountStatus.Expired, "PKR")]
    [InlineData(AccountStatus.Active, "USD")]
    public async Task Every_refusal_says_refund_due_exactly_once(AccountStatus status, string currency)
    {
        await OpenAsync(a => a with { Status = status });

        var refused = await Apply("r", 100, currency: Currency.Parse(currency, "currency"));
        var unknown = await _deposits.ApplyAsync(Event("u", 100, DepositEventType.Settled, Pkr) with { AccountNumber = "999" },
            CancellationToken.None);

        Assert.Equal(DepositStatus.Rejected, refused.Status);
        Assert.All(new[] { refused.Reason, unknown.Reason }, reason => Assert.Single(Regex.Matches(reason!, "refund due")));
    }

    private async Task OpenAsync(Func<Account, Account>? change = null)
    {
        var account = Internal.InternalTestAccounts.Pkr(id: "acct-1") with { AccountNumber = "0123456789", BookId = "book-1" };
        await _accounts.InsertAsync(change?.Invoke(account) ?? account, CancellationToken.None);
    }

    private Task<DepositOutcome> Apply(string reference, long minor, DepositEventType type = DepositEventType.Settled,
        Currency? currency = null) =>
        _deposits.ApplyAsync(Event(reference, minor, type, currency ?? Pkr), CancellationToken.None);

    private static DepositEvent Event(string reference, long minor, DepositEventType type, Currency currency) =>
        new(Internal.InternalTestAccounts.Pkr().TenantId, type, reference, "0123456789", new Money.Money(minor, currency), null, null,
            Now, Now);

    private async Task<(long Posted, long Pending)> BalanceAsync()
    {
        var balance = Assert.Single(await _store.GetBalancesAsync("book-1", CancellationToken.None));
        return (balance.Posted, balance.Pending);
    }
}
