using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Internal;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;
using Accounts.Core.Tests.NubanAccounts;

namespace Accounts.Core.Tests.Internal;

/// <summary>Roll-ups over sub-accounts whose balances together pass what a long holds.</summary>
public class SubAccountRollUpTests
{
    private static readonly DateTimeOffset Now = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_thousand_sub_accounts_at_the_balance_limit_roll_up_exactly_without_overflow()
    {
        var core = new TestLifecycle(Now);
        var accounts = core.Accounts;
        var deposits = new DepositService(accounts, core.Ledger, new ReceivingRules(InstitutionCatalog.Default, core.Clock));
        var directory = new InternalAccountDirectory(accounts, core.Lists, core.Lifecycle);
        var parent = await accounts.InsertAsync(Account("parent", null), CancellationToken.None);
        const int Subs = 1000;
        const int DepositsEach = (int)(LedgerLimits.MaxBalanceMinor / DepositEvent.MaxAmountMinor);

        // Money enters as production's does: the largest deposits the webhook accepts, until each balance is full.
        for (var i = 0; i < Subs; i++)
        {
            var sub = await accounts.InsertAsync(Account($"sub-{i}", parent.Id), CancellationToken.None);
            for (var d = 0; d < DepositsEach; d++)
            {
                var outcome = await deposits.ApplyAsync(new DepositEvent(parent.TenantId, DepositEventType.Settled, $"{sub.Id}-{d}",
                    sub.AccountNumber, new Money.Money(DepositEvent.MaxAmountMinor, new Currency("PKR", 2)), null, null, Now, Now),
                    CancellationToken.None);
                Assert.Equal(DepositStatus.Applied, outcome.Status);
            }
        }

        var view = await directory.ViewAsync(parent, CancellationToken.None);

        var expected = (Int128)LedgerLimits.MaxBalanceMinor * Subs;
        Assert.True(expected > long.MaxValue);
        Assert.Equal((expected, expected), (view.SubBalance, view.SubAvailable));
        Assert.Equal("100000000000000000.00", Money.Money.Format(view.SubBalance, new Currency("PKR", 2)));
    }

    private static Account Account(string id, string? parentId) => InternalTestAccounts.Pkr(id: id) with
    {
        AccountNumber = "n-" + id,
        ParentId = parentId,
    };
}
