using Accounts.Core.Accounts;
using Accounts.Core.Internal;

namespace Accounts.Core.Tests.Internal;

public class InternalDepositRulesTests
{
    [Theory]
    [InlineData("PKR")]
    [InlineData("pkr")]
    public void An_active_account_receives_its_own_currency(string currency) =>
        Assert.Null(InternalDepositRules.Check(InternalTestAccounts.Pkr(), currency));

    [Theory]
    [InlineData(AccountStatus.Blocked, DepositRefusal.AccountBlocked)]
    [InlineData(AccountStatus.Closed, DepositRefusal.AccountClosed)]
    [InlineData(AccountStatus.Pending, DepositRefusal.AccountNotActive)]
    [InlineData(AccountStatus.Expired, DepositRefusal.AccountNotActive)]
    public void Accounts_that_are_not_active_refuse_with_a_reason(AccountStatus status, string code)
    {
        var refusal = InternalDepositRules.Check(InternalTestAccounts.Pkr(status), "PKR");

        Assert.Equal(code, refusal?.Code);
        Assert.Contains("123456789012", refusal!.Reason);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("XYZ")]
    [InlineData("")]
    public void Another_or_unknown_currency_is_refused(string currency)
    {
        var refusal = InternalDepositRules.Check(InternalTestAccounts.Pkr(), currency);

        Assert.Equal(DepositRefusal.CurrencyMismatch, refusal?.Code);
        Assert.Contains("PKR", refusal!.Reason);
    }
}
