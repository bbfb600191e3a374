using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Accounts;

/// <summary>The one lifecycle, with each product's policy deciding books, visibility and what closing requires.</summary>
public sealed class AccountLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestLifecycle _core = new(Now);

    private AccountLifecycle Lifecycle => _core.Lifecycle;

    [Fact]
    public async Task Opening_an_id_again_returns_the_stored_account_and_allocates_no_second_number()
    {
        var first = await Lifecycle.OpenAsync(Opening(AccountKind.Entity, "a1"), CancellationToken.None);

        var again = await Lifecycle.OpenAsync(Opening(AccountKind.Entity, "a1") with { Label = "other" }, CancellationToken.None);

        Assert.Equal((first.AccountNumber, first.Version, (string?)null), (again.AccountNumber, again.Version, again.Label));
        Assert.Single(_core.Accounts.ClaimAttempts);
    }

    [Fact]
    public async Task A_fresh_id_that_loses_the_insert_race_returns_the_account_stored_under_it()
    {
        var stored = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "i1"), CancellationToken.None);

        var raced = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "i1") with { MayExist = false, Label = "late" },
            CancellationToken.None);

        Assert.Equal((stored.AccountNumber, (string?)null), (raced.AccountNumber, raced.Label));
    }

    [Fact]
    public async Task Global_accounts_share_their_holders_wallet_book_and_every_other_product_has_its_own()
    {
        var global = await Lifecycle.OpenAsync(Opening(AccountKind.Global, "g1"), CancellationToken.None);
        var nuban = await Lifecycle.OpenAsync(Opening(AccountKind.NubanStatic, "n1"), CancellationToken.None);
        var entity = await Lifecycle.OpenAsync(Opening(AccountKind.Entity, "e1"), CancellationToken.None);

        Assert.Equal(("t1|wallet|holder", "t1|acct|n1", "t1|acct|e1"), (global.BookId, nuban.BookId, entity.BookId));
    }

    [Fact]
    public async Task An_account_at_an_institution_quoting_ibans_carries_its_iban()
    {
        var clearBank = InstitutionCatalog.Default.Find("CLRBGB22")!;

        var account = await Lifecycle.OpenAsync(Opening(AccountKind.Global, "g1") with { Numbers = new NumberSource.Drawn(clearBank) },
            CancellationToken.None);

        Assert.Equal(clearBank.Iban!.Build(clearBank, account.AccountNumber), account.Attribute(AccountOpening.IbanAttribute));
        Assert.StartsWith("GB", account.Attribute(AccountOpening.IbanAttribute));
    }

    [Fact]
    public async Task Another_holders_account_or_another_kind_is_not_found()
    {
        await Lifecycle.OpenAsync(Opening(AccountKind.Global, "g1"), CancellationToken.None);

        var stranger = await Assert.ThrowsAsync<DomainException>(() => Lifecycle.GetAsync("t1", "g1", AccountKind.Global, "someone", CancellationToken.None));
        var kind = await Assert.ThrowsAsync<DomainException>(() => Lifecycle.GetAsync("t1", "g1", AccountKind.Internal, null, CancellationToken.None));
        var tenant = await Assert.ThrowsAsync<DomainException>(() => Lifecycle.GetAsync("t2", "g1", AccountKind.Global, null, CancellationToken.None));

        Assert.All([stranger, kind, tenant], e => Assert.Equal((ErrorKind.NotFound, "account g1 was not found"), (e.Kind, e.Message)));
    }

    [Fact]
    public async Task An_internal_account_holding_money_cannot_close_and_stays_able_to_receive()
    {
        var account = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "i1"), CancellationToken.None);
        await DepositAsync(account, "in", 250);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Close(account));

        Assert.Equal(ErrorKind.Conflict, refused.Kind);
        Assert.Contains("still holds SGD 2.50", refused.Message);
        Assert.Equal(DepositStatus.Applied, (await DepositAsync(account, "after", 100)).Status);
        Assert.Equal(350, (await Lifecycle.BalanceAsync(account, CancellationToken.None)).Posted);
    }

    [Fact]
    public async Task A_parent_with_an_open_sub_account_cannot_close_and_a_closed_internal_account_is_gone()
    {
        var parent = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "p1"), CancellationToken.None);
        var child = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "c1") with { ParentId = "p1" }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Close(parent));
        await Close(child);
        await Close(parent);

        Assert.Equal("account p1 has 1 open sub-account(s); delete them first", refused.Message);
        var gone = await Assert.ThrowsAsync<DomainException>(() => Lifecycle.GetAsync("t1", "p1", AccountKind.Internal, null, CancellationToken.None));
        Assert.Equal(ErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task A_global_account_closes_with_money_in_its_wallet_stays_visible_and_refuses_every_later_change()
    {
        var dbs = InstitutionCatalog.Default.Find("DBSSSGSG")!;
        var account = await Lifecycle.OpenAsync(Opening(AccountKind.Global, "g1") with { Numbers = new NumberSource.Drawn(dbs) },
            CancellationToken.None);
        Assert.Equal(DepositStatus.Applied, (await DepositAsync(account, "in", 500)).Status);

        var closed = await Close(account);
        var again = await Assert.ThrowsAsync<DomainException>(() => Close(account));
        var relabel = await Assert.ThrowsAsync<DomainException>(() => Lifecycle.UpdateAsync(Load(account), new AccountChange("x"), CancellationToken.None));

        Assert.Equal(AccountStatus.Closed, closed.Status);
        Assert.Equal(AccountStatus.Closed, (await Lifecycle.GetAsync("t1", "g1", AccountKind.Global, "holder", CancellationToken.None)).Status);
        Assert.Equal(("account g1 is closed and cannot be closed again", "account g1 is closed and cannot be updated"), (again.Message, relabel.Message));
        Assert.Equal(DepositStatus.Rejected, (await DepositAsync(account, "late", 1)).Status);
    }

    [Fact]
    public async Task Blocking_and_unblocking_change_the_status_and_closing_is_not_an_update()
    {
        var account = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "i1"), CancellationToken.None);

        var blocked = await Lifecycle.UpdateAsync(Load(account), new AccountChange(Status: AccountStatus.Blocked), CancellationToken.None);
        var unblocked = await Lifecycle.UpdateAsync(Load(account), new AccountChange(Status: AccountStatus.Active), CancellationToken.None);
        var closing = await Assert.ThrowsAsync<DomainException>(() =>
            Lifecycle.UpdateAsync(Load(account), new AccountChange(Status: AccountStatus.Closed), CancellationToken.None));

        Assert.Equal((AccountStatus.Blocked, AccountStatus.Active), (blocked.Status, unblocked.Status));
        Assert.Equal((ErrorKind.Validation, "status"), (closing.Kind, closing.Field));
    }

    [Fact]
    public async Task An_external_id_held_by_another_account_is_a_conflict_naming_it()
    {
        var first = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "i1"), CancellationToken.None);
        var second = await Lifecycle.OpenAsync(Opening(AccountKind.Internal, "i2"), CancellationToken.None);
        await Lifecycle.UpdateAsync(Load(first), new AccountChange(ExternalId: "ext-1"), CancellationToken.None);

        var taken = await Assert.ThrowsAsync<DomainException>(() =>
            Lifecycle.UpdateAsync(Load(second), new AccountChange(ExternalId: "ext-1"), CancellationToken.None));

        Assert.Equal((ErrorKind.Conflict, "externalId"), (taken.Kind, taken.Field));
        Assert.Null((await _core.Accounts.GetAsync("t1", "i2", CancellationToken.None))!.ExternalId);
    }

    [Fact]
    public async Task The_balance_of_an_account_without_money_is_zero_in_its_own_currency()
    {
        var account = await Lifecycle.OpenAsync(Opening(AccountKind.Entity, "e1"), CancellationToken.None);

        var balance = await Lifecycle.BalanceAsync(account, CancellationToken.None);

        Assert.Equal(("SGD", 0L, 0L, "t1|acct|e1"), (balance.Currency.Code, balance.Posted, balance.Available, balance.BookId));
    }

    private static AccountOpening Opening(AccountKind kind, string id) => new()
    {
        TenantId = "t1",
        AccountId = id,
        MayExist = true,
        Kind = kind,
        HolderId = "holder",
        Numbers = NumberSource.InternalReference,
        Currency = "SGD",
        Country = "SG",
        Type = "test",
    };

    private Func<CancellationToken, Task<Account>> Load(Account account) =>
        ct => Lifecycle.GetAsync(account.TenantId, account.Id, account.Kind, null, ct);

    private Task<Account> Close(Account account) => Lifecycle.CloseAsync(Load(account), null, CancellationToken.None);

    // Money enters as production's does: through the deposit service the webhook pipeline calls.
    private Task<DepositOutcome> DepositAsync(Account account, string reference, long minor) =>
        new DepositService(_core.Accounts, _core.Ledger, new ReceivingRules(InstitutionCatalog.Default, _core.Clock)).ApplyAsync(
            new DepositEvent("t1", DepositEventType.Settled, reference, account.AccountNumber, new Money.Money(minor, new Currency("SGD", 2)),
                null, null, Now, Now), CancellationToken.None);
}
