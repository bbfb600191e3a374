using Accounts.Storage.Claims;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class ClaimStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableClaimStore Store => new(Tables);

    [Fact]
    public async Task A_key_belongs_to_its_first_claimant_and_a_repeat_by_the_owner_succeeds()
    {
        Assert.True(await Store.TryClaimAsync("t1|email", "a@b.c", "acct-1", Ct));
        Assert.True(await Store.TryClaimAsync("t1|email", "a@b.c", "acct-1", Ct));
        Assert.False(await Store.TryClaimAsync("t1|email", "a@b.c", "acct-2", Ct));
        Assert.True(await Store.TryClaimAsync("t2|email", "a@b.c", "acct-2", Ct));
        Assert.Equal("acct-1", await Store.FindOwnerAsync("t1|email", "a@b.c", Ct));
        Assert.Null(await Store.FindOwnerAsync("t1|email", "x@y.z", Ct));
    }

    [Fact]
    public async Task Of_twenty_parallel_claimants_exactly_one_wins()
    {
        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.TryClaimAsync("t1|ref", "ref/#1?", $"owner-{i}", Ct))));

        Assert.Equal(1, wins.Count(w => w));
    }

    [Fact]
    public async Task Only_the_owner_can_release_a_claim_and_then_anyone_may_take_it()
    {
        Assert.True(await Store.TryClaimAsync("t1|email", "a@b.c", "acct-1", Ct));

        await Store.ReleaseAsync("t1|email", "a@b.c", "acct-2", Ct);
        Assert.Equal("acct-1", await Store.FindOwnerAsync("t1|email", "a@b.c", Ct));

        await Store.ReleaseAsync("t1|email", "a@b.c", "acct-1", Ct);
        await Store.ReleaseAsync("t1|email", "a@b.c", "acct-1", Ct);
        Assert.Null(await Store.FindOwnerAsync("t1|email", "a@b.c", Ct));
        Assert.True(await Store.TryClaimAsync("t1|email", "a@b.c", "acct-2", Ct));
    }
}
