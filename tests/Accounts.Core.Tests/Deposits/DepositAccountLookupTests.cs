using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;
using Accounts.Core.Tests.NubanAccounts;

namespace Accounts.Core.Tests.Deposits;

/// <summary>
/// <see cref="DepositService"/> reads the account itself for every deposit (the store may remember only which id a
/// number names): a status change takes effect at once, and a deposit goes to the account that has the number now.
/// </summary>
public class DepositAccountLookupTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 30, TimeSpan.Zero);
    private readonly InMemoryLedgerStore _store = new();
    private readonly InMemoryAccounts _accounts = new();
    private readonly DepositService _deposits;

    public DepositAccountLookupTests()
    {
        var clock = new ManualClock(Now);
        _deposits = new DepositService(_accounts, new LedgerService(_store, clock), new ReceivingRules(InstitutionCatalog.Default, clock));
    }

    [Fact]
    public async Task An_account_blocked_after_its_first_deposit_refuses_the_next()
    {
        var account = await OpenAsync("acct-1", "t-1", "0123456789");
        Assert.Equal(DepositStatus.Applied, (await ApplyAsync("t-1", "first", "0123456789")).Status);

        await _accounts.UpdateAsync((await _accounts.GetAsync("t-1", account.Id, CancellationToken.None))! with { Status = AccountStatus.Blocked },
            CancellationToken.None);

        Assert.Equal(DepositStatus.Rejected, (await ApplyAsync("t-1", "second", "0123456789")).Status);
    }

    [Fact]
    public async Task A_remembered_id_whose_account_no_longer_has_the_number_is_looked_up_again()
    {
        var first = await OpenAsync("acct-1", "t-1", "0123456789");
        Assert.Equal(first.Id, (await ApplyAsync("t-1", "a", "0123456789")).AccountId);

        await _accounts.UpdateAsync((await _accounts.GetAsync("t-1", first.Id, CancellationToken.None))! with { AccountNumber = "9999999999" },
            CancellationToken.None);
        var second = await OpenAsync("acct-2", "t-1", "0123456789");

        Assert.Equal(second.Id, (await ApplyAsync("t-1", "b", "0123456789")).AccountId);
        Assert.Equal(100, Assert.Single(await _store.GetBalancesAsync(second.BookId, CancellationToken.None)).Posted);
    }

    [Fact]
    public async Task The_same_number_in_two_tenants_credits_each_tenant_its_own_account()
    {
        var ours = await OpenAsync("acct-1", "t-1", "0123456789");
        var theirs = await OpenAsync("acct-9", "t-2", "0123456789");

        Assert.Equal(ours.Id, (await ApplyAsync("t-1", "a", "0123456789")).AccountId);
        Assert.Equal(theirs.Id, (await ApplyAsync("t-2", "a", "0123456789")).AccountId);
        Assert.Equal(ours.Id, (await ApplyAsync("t-1", "b", "0123456789")).AccountId);
    }

    private async Task<Account> OpenAsync(string id, string tenantId, string number)
    {
        var account = Internal.InternalTestAccounts.Pkr(id: id) with { TenantId = tenantId, AccountNumber = number, BookId = $"{tenantId}|{id}" };
        return await _accounts.InsertAsync(account, CancellationToken.None);
    }

    private Task<DepositOutcome> ApplyAsync(string tenantId, string reference, string number) =>
        _deposits.ApplyAsync(new DepositEvent(tenantId, DepositEventType.Settled, reference, number, new Money.Money(100, new Currency("PKR", 2)),
            null, null, Now, Now), CancellationToken.None);
}
