using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanAccountServiceTests
{
    private static readonly NubanCustomer Ada = new("Ada", "Obi", "ada@example.com", "08012345678");

    private readonly InMemoryAccounts _accounts = new();
    private readonly InMemoryExpiryIndex _index = new();
    private readonly ManualClock _clock = new(SampleAccounts.Created);

    private readonly InMemoryClaims _claims = new();

    private NubanAccountService Service => new(_accounts, new NubanClaims(_claims), _index, InstitutionCatalog.Default,
        new NubanSettings(), _clock);

    [Fact]
    public async Task A_failed_open_that_never_reached_the_store_frees_the_email_and_phone()
    {
        _accounts.NextInsert = (Fail: true, Landed: false);
        await Assert.ThrowsAsync<TimeoutException>(() => Service.OpenStaticAsync("t1", Ada, CancellationToken.None));

        var account = await Service.OpenStaticAsync("t1", Ada, CancellationToken.None);

        Assert.Equal(AccountKind.NubanStatic, account.Kind);
    }

    [Fact]
    public async Task A_failed_open_whose_insert_landed_keeps_its_claims_so_no_second_account_takes_them()
    {
        _accounts.NextInsert = (Fail: true, Landed: true);
        await Assert.ThrowsAsync<TimeoutException>(() => Service.OpenStaticAsync("t1", Ada, CancellationToken.None));

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service.OpenStaticAsync("t1", Ada, CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task A_dynamic_account_is_indexed_for_expiry_and_booked_in_its_own_book()
    {
        var account = await Service.OpenDynamicAsync("t1", "Shop", new NewDynamicAccount(100.5m, null, 30), CancellationToken.None);

        Assert.Equal((10_050L, SampleAccounts.Created.AddMinutes(30), $"t1|acct|{account.Id}"),
            (account.ExpectedAmountMinor!.Value, account.ExpiresAt!.Value, account.BookId));
        Assert.Equal(1, _index.Count);
        Assert.True(Nuban.IsValid("090409", account.AccountNumber));
    }

    [Fact]
    public async Task A_failed_dynamic_open_frees_its_reference()
    {
        _accounts.NextInsert = (Fail: true, Landed: false);
        var request = new NewDynamicAccount(10m, "order-9", 5);
        await Assert.ThrowsAsync<TimeoutException>(() => Service.OpenDynamicAsync("t1", "Shop", request, CancellationToken.None));

        var account = await Service.OpenDynamicAsync("t1", "Shop", request, CancellationToken.None);

        Assert.Equal("order-9", account.Attribute(NubanAttributes.Reference));
    }
}
