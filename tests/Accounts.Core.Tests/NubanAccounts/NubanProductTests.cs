using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanProductTests
{
    private static readonly NubanCustomer Ada = new("Ada", "Obi", "ada@example.com", "08012345678");

    private readonly TestLifecycle _core = new(SampleAccounts.Created);
    private readonly InMemoryExpiryIndex _index = new();

    private NubanProduct Service => new(_core.Lifecycle, _core.Accounts, new NubanClaims(_core.Keys, TestKeys.Hash), _index,
        InstitutionCatalog.Default, new NubanSettings(), TestKeys.Box, _core.Clock);

    [Fact]
    public async Task A_failed_open_that_never_reached_the_store_frees_the_email_and_phone()
    {
        _core.Accounts.NextInsert = (Fail: true, Landed: false);
        await Assert.ThrowsAsync<TimeoutException>(() => Service.OpenStaticAsync("t1", Ada, "STATIC", CancellationToken.None));

        var account = await Service.OpenStaticAsync("t1", Ada, "STATIC", CancellationToken.None);

        Assert.Equal(AccountKind.NubanStatic, account.Kind);
    }

    [Fact]
    public async Task A_failed_open_whose_insert_landed_keeps_its_claims_so_no_second_account_takes_them()
    {
        _core.Accounts.NextInsert = (Fail: true, Landed: true);
        await Assert.ThrowsAsync<TimeoutException>(() => Service.OpenStaticAsync("t1", Ada, "STATIC", CancellationToken.None));

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service.OpenStaticAsync("t1", Ada, "STATIC", CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task A_dynamic_account_is_indexed_for_expiry_and_booked_in_its_own_book()
    {
        var account = await Service.OpenDynamicAsync("t1", "Shop", "DYNAMIC", new NewDynamicAccount(100.5m, null, 30), CancellationToken.None);

        Assert.Equal((10_050L, SampleAccounts.Created.AddMinutes(30), $"t1|acct|{account.Id}"),
            (account.ExpectedAmountMinor!.Value, account.ExpiresAt!.Value, account.BookId));
        Assert.Equal(1, _index.Count);
        Assert.True(Nuban.IsValid("090409", account.AccountNumber));
    }

    [Fact]
    public async Task A_failed_dynamic_open_frees_its_reference()
    {
        _core.Accounts.NextInsert = (Fail: true, Landed: false);
        var request = new NewDynamicAccount(10m, "order-9", 5);
        await Assert.ThrowsAsync<TimeoutException>(() => Service.OpenDynamicAsync("t1", "Shop", "DYNAMIC", request, CancellationToken.None));

        var account = await Service.OpenDynamicAsync("t1", "Shop", "DYNAMIC", request, CancellationToken.None);

        Assert.Equal("order-9", account.Attribute(NubanAttributes.Reference));
    }

    [Fact]
    public async Task A_customers_bvn_date_of_birth_and_address_are_kept_sealed_and_open_only_on_their_own_account()
    {
        var customer = Ada with { Bvn = "22212345678", DateOfBirth = new DateOnly(1990, 4, 9), Address = "12 Marina, Lagos" };
        var account = await Service.OpenStaticAsync("t1", customer, "STATIC", CancellationToken.None);
        var other = await Service.OpenStaticAsync("t1", Ada with { Email = "b@example.com", Phone = "08099999999" }, "STATIC",
            CancellationToken.None);

        var stored = string.Join("\n", account.Attributes.Select(a => $"{a.Key}={a.Value}"));
        Assert.DoesNotContain("22212345678", stored);
        Assert.DoesNotContain("09-04-1990", stored);
        Assert.DoesNotContain("Marina", stored);
        Assert.Equal("ada@example.com", account.Attribute(NubanAttributes.Email)); // shown by account details, so kept
        Assert.Equal(("22212345678", "09-04-1990", "12 Marina, Lagos"), (Service.Unseal(account, NubanAttributes.Bvn),
            Service.Unseal(account, NubanAttributes.DateOfBirth), Service.Unseal(account, NubanAttributes.Address)));
        var moved = other with { Attributes = new Dictionary<string, string> { [NubanAttributes.Bvn] = account.Attribute(NubanAttributes.Bvn)! } };
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Service.Unseal(moved, NubanAttributes.Bvn));
    }
}
