using Accounts.Core.Idempotency;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanClaimsTests
{
    private static readonly NubanCustomer Customer = new("Liman", "Dauda", "gwanja@gmail.com", "08092717412", Bvn: "22212345678");

    [Fact]
    public async Task A_claim_failing_half_way_gives_back_the_keys_already_held()
    {
        var store = new InMemoryClaims { FailScope = "nuban-phone" };
        var claims = new NubanClaims(new IdempotencyKeys(store, TimeProvider.System), TestKeys.Hash);

        await Assert.ThrowsAsync<TimeoutException>(() => claims.ClaimCustomerAsync("t1", Customer, "acct-1", CancellationToken.None));

        Assert.Empty(store.Keys);
        store.FailScope = null;
        await claims.ClaimCustomerAsync("t1", Customer, "acct-2", CancellationToken.None);
        Assert.Equal(3, store.Keys.Count);
        Assert.All(store.Keys, k => Assert.Equal("acct-2", store.OwnerOf(k.Scope, k.Key)));
    }

    [Fact]
    public async Task A_refused_claim_leaves_the_other_owners_keys_alone()
    {
        var store = new InMemoryClaims();
        var claims = new NubanClaims(new IdempotencyKeys(store, TimeProvider.System), TestKeys.Hash);
        await claims.ClaimCustomerAsync("t1", Customer, "acct-1", CancellationToken.None);

        await Assert.ThrowsAsync<Errors.DomainException>(() =>
            claims.ClaimCustomerAsync("t1", Customer with { Phone = "08000000000", Bvn = null }, "acct-2", CancellationToken.None));

        Assert.Equal(3, store.Keys.Count);
        Assert.All(store.Keys, k => Assert.Equal("acct-1", store.OwnerOf(k.Scope, k.Key)));
    }

    [Fact]
    public async Task Personal_values_are_claimed_by_keyed_hash_never_in_clear()
    {
        var store = new InMemoryClaims();
        var claims = new NubanClaims(new IdempotencyKeys(store, TimeProvider.System), TestKeys.Hash);

        await claims.ClaimCustomerAsync("t1", Customer, "acct-1", CancellationToken.None);

        Assert.Equal(["t1|nuban-bvn", "t1|nuban-email", "t1|nuban-phone"], store.Keys.Select(k => k.Scope).Order());
        foreach (var (_, key) in store.Keys)
        {
            Assert.Matches("^[0-9a-f]{64}$", key);
            Assert.DoesNotContain(Customer.Email, key);
            Assert.DoesNotContain(Customer.Phone, key);
            Assert.DoesNotContain(Customer.Bvn!, key);
        }
    }

    [Fact]
    public async Task The_same_email_is_one_claim_in_a_tenant_and_unlinked_across_tenants()
    {
        var store = new InMemoryClaims();
        var claims = new NubanClaims(new IdempotencyKeys(store, TimeProvider.System), TestKeys.Hash);
        await claims.ClaimCustomerAsync("t1", Customer, "acct-1", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<Errors.DomainException>(() => claims.ClaimCustomerAsync("t1",
            Customer with { Phone = "08000000000", Bvn = null }, "acct-2", CancellationToken.None));
        await claims.ClaimCustomerAsync("t2", Customer, "acct-3", CancellationToken.None);

        Assert.Equal("an account already exists with this email", ex.Message);
        var emailKeys = store.Keys.Where(k => k.Scope.EndsWith("nuban-email", StringComparison.Ordinal)).Select(k => k.Key).ToList();
        Assert.Equal(2, emailKeys.Distinct().Count());
    }
}
