using Accounts.Core.Accounts;
using Accounts.Core.Money;
using Accounts.Core.NubanAccounts;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanDepositPolicyTests
{
    private static readonly Money.Money TenNaira = Money.Money.Parse("10", Naira.Currency, "amount");
    private static readonly DateTimeOffset Now = SampleAccounts.Created.AddMinutes(5);

    [Fact]
    public void A_static_account_accepts_any_amount_any_time_while_open()
    {
        Assert.True(NubanDepositPolicy.Check(SampleAccounts.Static(), TenNaira, Now).Accepted);
        Assert.True(NubanDepositPolicy.Check(SampleAccounts.Static(), TenNaira, Now.AddYears(5)).Accepted);
    }

    [Fact]
    public void A_dynamic_account_accepts_until_its_expiry_instant_and_refuses_after_with_a_refund_due()
    {
        var account = SampleAccounts.Dynamic(minutes: 30);

        Assert.True(NubanDepositPolicy.Check(account, TenNaira, account.ExpiresAt!.Value).Accepted);
        var late = NubanDepositPolicy.Check(account, TenNaira, account.ExpiresAt!.Value.AddTicks(1));
        Assert.Equal((DepositRefusal.Expired, true), (late.Refusal, late.RefundDue));
        Assert.Contains("4097553755", late.Reason);
    }

    [Theory]
    [InlineData(AccountStatus.Closed, DepositRefusal.Closed)]
    [InlineData(AccountStatus.Expired, DepositRefusal.Expired)]
    [InlineData(AccountStatus.Blocked, DepositRefusal.Blocked)]
    public void Closed_expired_and_blocked_accounts_refuse(AccountStatus status, DepositRefusal refusal)
    {
        Assert.Equal(refusal, NubanDepositPolicy.Check(SampleAccounts.Dynamic(status: status), TenNaira, Now).Refusal);
    }

    [Fact]
    public void Closed_wins_over_expired_and_other_currencies_are_refused()
    {
        var closedAndLate = SampleAccounts.Dynamic(status: AccountStatus.Closed);
        Assert.Equal(DepositRefusal.Closed, NubanDepositPolicy.Check(closedAndLate, TenNaira, Now.AddDays(1)).Refusal);

        var dollars = Money.Money.Parse("10", Currency.Parse("USD", "currency"), "amount");
        Assert.Equal(DepositRefusal.WrongCurrency, NubanDepositPolicy.Check(SampleAccounts.Static(), dollars, Now).Refusal);
    }

    [Fact]
    public void Non_nuban_accounts_are_not_this_policys_to_accept()
    {
        var global = SampleAccounts.Static() with { Kind = AccountKind.Global };

        Assert.Equal(DepositRefusal.NotNuban, NubanDepositPolicy.Check(global, TenNaira, Now).Refusal);
    }

    [Fact]
    public void Expiry_starts_strictly_after_the_expiry_time_whatever_the_timer_did()
    {
        var account = SampleAccounts.Dynamic(minutes: 1);

        Assert.False(DynamicExpiry.IsExpired(account, account.ExpiresAt!.Value));
        Assert.True(DynamicExpiry.IsExpired(account, account.ExpiresAt!.Value.AddTicks(1)));
        Assert.True(DynamicExpiry.IsExpired(account with { Status = AccountStatus.Expired }, Now.AddMinutes(-10)));
        Assert.False(DynamicExpiry.IsExpired(SampleAccounts.Static(), Now.AddYears(1)));
    }
}
