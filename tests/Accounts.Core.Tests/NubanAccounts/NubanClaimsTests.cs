using Accounts.Core.NubanAccounts;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanClaimsTests
{
    private static readonly NubanCustomer Customer = new("Liman", "Dauda", "gwanja@gmail.com", "08092717412");

    [Fact]
    public async Task A_claim_failing_half_way_gives_back_the_keys_already_held()
    {
        var store = new InMemoryClaims { FailScope = "nuban-phone" };
        var claims = new NubanClaims(store);

        await Assert.ThrowsAsync<TimeoutException>(() => claims.ClaimCustomerAsync("t1", Customer, "acct-1", CancellationToken.None));

        Assert.Null(await store.FindOwnerAsync("t1|nuban-email", Customer.Email, CancellationToken.None));
        store.FailScope = null;
        await claims.ClaimCustomerAsync("t1", Customer, "acct-2", CancellationToken.None);
        Assert.Equal("acct-2", await store.FindOwnerAsync("t1|nuban-email", Customer.Email, CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_claim_leaves_the_other_owners_keys_alone()
    {
        var store = new InMemoryClaims();
        var claims = new NubanClaims(store);
        await claims.ClaimCustomerAsync("t1", Customer, "acct-1", CancellationToken.None);

        await Assert.ThrowsAsync<Errors.DomainException>(() =>
            claims.ClaimCustomerAsync("t1", Customer with { Phone = "08000000000" }, "acct-2", CancellationToken.None));

        Assert.Equal("acct-1", await store.FindOwnerAsync("t1|nuban-email", Customer.Email, CancellationToken.None));
        Assert.Null(await store.FindOwnerAsync("t1|nuban-phone", "08000000000", CancellationToken.None));
    }
}
