using Accounts.Core.Accounts;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanPaymentServiceTests
{
    private readonly InMemoryAccounts _accounts = new();
    private readonly ManualClock _clock = new(SampleAccounts.Created);

    private NubanPaymentService Service => new(_accounts, _clock);

    [Fact]
    public async Task Concurrent_payments_to_one_account_are_both_counted()
    {
        var account = await _accounts.InsertAsync(SampleAccounts.Dynamic(expectedMinor: 10_000), CancellationToken.None);
        _accounts.BeforeUpdate = _ => Service.RecordPaymentAsync("t1", account.Id, "dep-1", 6_000, CancellationToken.None);

        var result = await Service.RecordPaymentAsync("t1", account.Id, "dep-2", 4_000, CancellationToken.None);

        Assert.Equal((10_000L, PaymentStatus.Paid), (DynamicPayments.PaidMinor(result), DynamicPayments.Status(result)));
    }

    [Fact]
    public async Task A_payment_is_recorded_even_if_the_account_expired_after_the_credit()
    {
        var account = await _accounts.InsertAsync(SampleAccounts.Dynamic(status: AccountStatus.Expired), CancellationToken.None);

        var result = await Service.RecordPaymentAsync("t1", account.Id, "dep-1", 3_000, CancellationToken.None);

        Assert.Equal((3_000L, PaymentStatus.PartiallyPaid, AccountStatus.Expired),
            (DynamicPayments.PaidMinor(result), DynamicPayments.Status(result), result.Status));
        Assert.Equal(_clock.GetUtcNow(), result.UpdatedAt);
    }

    [Fact]
    public async Task Static_accounts_have_no_payment_state_to_record()
    {
        var account = await _accounts.InsertAsync(SampleAccounts.Static(), CancellationToken.None);

        var result = await Service.RecordPaymentAsync("t1", account.Id, "dep-1", 3_000, CancellationToken.None);

        Assert.Equal(account, result);
    }

    [Fact]
    public async Task A_settled_deposit_reported_twice_is_counted_once_against_a_dynamic_account()
    {
        var account = await _accounts.InsertAsync(SampleAccounts.Dynamic(minutes: 30), CancellationToken.None);
        var deposit = new Core.Deposits.DepositEvent("t1", Core.Deposits.DepositEventType.Settled, "dep-9", account.AccountNumber,
            Money.Money.Parse("25", Naira.Currency, "amount"), null, null, DateTimeOffset.UnixEpoch);

        await Service.OnSettledAsync(account, deposit, CancellationToken.None);
        await Service.OnSettledAsync(account, deposit, CancellationToken.None);

        var stored = (await _accounts.GetAsync(account.TenantId, account.Id, CancellationToken.None))!;
        Assert.Equal(2_500, DynamicPayments.PaidMinor(stored));
    }
}
