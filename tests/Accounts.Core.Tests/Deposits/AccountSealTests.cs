using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Deposits;

public class AccountSealTests
{
    private static readonly Currency Sgd = new("SGD", 2);
    private readonly InMemoryLedgerStore _store = new();
    private readonly LedgerService _ledger;

    public AccountSealTests() =>
        _ledger = new LedgerService(_store, new ManualClock(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero)));

    private static Account Account => new()
    {
        Id = "acct-1", TenantId = "t1", Kind = AccountKind.Internal, HolderId = "h", AccountNumber = "123", InstitutionCode = "X",
        Currency = "SGD", Country = "SG", Type = "CHECKING", Status = AccountStatus.Active, BookId = "book",
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private Task<IntentResult> Deposit(string reference) =>
        _ledger.ApplyAsync("book", new DepositIntent(new DepositEvent("t1", DepositEventType.Settled, reference, "123",
            new Money.Money(500, Sgd), null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), "acct-1", null), CancellationToken.None);

    [Fact]
    public async Task A_deposit_committed_after_the_seal_is_refused_even_while_the_account_row_still_says_active()
    {
        await new AccountSeal(_ledger).SealAsync(Account, requireEmpty: false, CancellationToken.None);

        var refused = await Deposit("late");

        Assert.Equal(EntryStatus.Failed, refused.Entry!.Status);
        Assert.Contains("closed", refused.Entry.Description);
        Assert.Equal(0, (await _store.GetBalancesAsync("book", CancellationToken.None)).Sum(b => b.Posted));
    }

    [Fact]
    public async Task Sealing_an_account_that_must_be_empty_is_refused_while_its_book_holds_money()
    {
        await Deposit("in");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new AccountSeal(_ledger).SealAsync(Account, requireEmpty: true, CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("still holds SGD 5.00", error.Message);
        Assert.True((await Deposit("after-refused-close")).Applied);
    }

    [Fact]
    public async Task Sealing_twice_is_one_seal_and_it_is_not_a_transaction()
    {
        var seal = new AccountSeal(_ledger);
        await seal.SealAsync(Account, requireEmpty: true, CancellationToken.None);
        await seal.SealAsync(Account, requireEmpty: true, CancellationToken.None);

        var entries = await _store.QueryEntriesAsync("book", new EntryQuery(), CancellationToken.None);
        Assert.Equal(EntryType.Closure, Assert.Single(entries).Type);
        Assert.Empty(TransactionHistory.Of(entries));
    }
}
