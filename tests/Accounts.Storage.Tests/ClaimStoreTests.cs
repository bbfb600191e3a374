using Accounts.Core.Claims;
using Accounts.Storage.Claims;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class ClaimStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableClaimStore Store => new(Tables);

    [Fact]
    public async Task A_key_belongs_to_its_first_claimant_and_a_repeat_by_the_owner_succeeds()
    {
        Assert.Equal(new KeyClaim("acct-1", null), await Store.ClaimAsync("t1|email", "a@b.c", "acct-1", null, Ct));
        Assert.Equal("acct-1", (await Store.ClaimAsync("t1|email", "a@b.c", "acct-1", null, Ct)).Owner);
        Assert.Equal("acct-1", (await Store.ClaimAsync("t1|email", "a@b.c", "acct-2", null, Ct)).Owner);
        Assert.Equal("acct-2", (await Store.ClaimAsync("t2|email", "a@b.c", "acct-2", null, Ct)).Owner);
    }

    [Fact]
    public async Task A_claim_keeps_the_fingerprint_of_the_request_that_made_it()
    {
        await Store.ClaimAsync("t1|ext", "ext-1", "acct-1", "F1", Ct);

        Assert.Equal(new KeyClaim("acct-1", "F1"), await Store.ClaimAsync("t1|ext", "ext-1", "acct-2", "F2", Ct));
    }

    [Fact]
    public async Task Of_twenty_parallel_claimants_exactly_one_wins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.ClaimAsync("t1|ref", "ref/#1?", $"owner-{i}", null, Ct))));

        Assert.Single(claims.Select(c => c.Owner).Distinct());
    }

    [Fact]
    public async Task Only_the_owner_can_release_a_claim_and_then_anyone_may_take_it()
    {
        await Store.ClaimAsync("t1|email", "a@b.c", "acct-1", null, Ct);

        await Store.ReleaseAsync("t1|email", "a@b.c", "acct-2", Ct);
        Assert.Equal("acct-1", (await Store.ClaimAsync("t1|email", "a@b.c", "acct-3", null, Ct)).Owner);

        await Store.ReleaseAsync("t1|email", "a@b.c", "acct-1", Ct);
        await Store.ReleaseAsync("t1|email", "a@b.c", "acct-1", Ct);
        Assert.Equal("acct-2", (await Store.ClaimAsync("t1|email", "a@b.c", "acct-2", null, Ct)).Owner);
    }
}
