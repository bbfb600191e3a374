using Accounts.Core.Claims;
using Accounts.Core.Errors;
using Accounts.Storage.Claims;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class ClaimStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset Started = new(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5));

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
    public async Task Finding_a_key_reads_its_holder_and_claims_nothing()
    {
        await Store.ClaimAsync("t1|ext", "held/#1", "acct-1", "F1", Ct);

        Assert.Equal(new KeyClaim("acct-1", "F1"), await Store.FindAsync("t1|ext", "held/#1", Ct));
        Assert.Null(await Store.FindAsync("t2|ext", "held/#1", Ct));
        Assert.Null(await Store.FindAsync("t1|ext", "free", Ct));
        Assert.Equal("acct-2", (await Store.ClaimAsync("t1|ext", "free", "acct-2", null, Ct)).Owner);
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

    [Fact]
    public async Task Of_20_parallel_inserts_of_one_recorded_key_exactly_one_wins_and_all_see_its_claim()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => Store.ClaimAsync("t|s", "key/1#", Recorded() with { Owner = $"op-{i}" }, Ct))));

        var winner = Assert.Single(results, r => r.Inserted);
        Assert.All(results, r => Assert.Equal(winner.Claim.Owner, r.Claim.Owner));
        Assert.All(results, r => Assert.Equal(winner.Claim.Version, r.Claim.Version));
    }

    [Fact]
    public async Task A_recorded_claim_reads_back_exactly()
    {
        var claim = Recorded() with { Outcome = "{\"id\":\"x\"}" };
        var (inserted, stored) = await Store.ClaimAsync("t|s", "k", claim, Ct);
        var (again, existing) = await Store.ClaimAsync("t|s", "k", Recorded() with { Owner = "other" }, Ct);

        Assert.True(inserted);
        Assert.False(again);
        Assert.Equal(stored, existing);
        Assert.Equal(claim with { Version = stored.Version }, existing);
    }

    [Fact]
    public async Task The_same_recorded_key_in_another_scope_is_a_different_claim()
    {
        Assert.True((await Store.ClaimAsync("t1|s", "k", Recorded(), Ct)).Inserted);
        Assert.True((await Store.ClaimAsync("t2|s", "k", Recorded(), Ct)).Inserted);
        Assert.True((await Store.ClaimAsync("t1|other", "k", Recorded(), Ct)).Inserted);
    }

    [Fact]
    public async Task Replace_and_release_of_a_recorded_claim_need_the_current_version()
    {
        var (_, started) = await Store.ClaimAsync("t|s", "k", Recorded(), Ct);
        var outcome = new string('x', 100_000);
        var completed = await Store.ReplaceAsync("t|s", "k", started with { Outcome = outcome }, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.ReplaceAsync("t|s", "k", started with { Outcome = "late" }, Ct));
        Assert.False(await Store.ReleaseAsync("t|s", "k", started, Ct));
        var (_, read) = await Store.ClaimAsync("t|s", "k", Recorded(), Ct);
        Assert.Equal(completed, read);
        Assert.Equal(outcome, read.Outcome);

        Assert.True(await Store.ReleaseAsync("t|s", "k", completed, Ct));
        Assert.False(await Store.ReleaseAsync("t|s", "k", completed, Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.ReplaceAsync("t|s", "k", completed, Ct));
        Assert.True((await Store.ClaimAsync("t|s", "k", Recorded(), Ct)).Inserted);
    }

    private static RecordedClaim Recorded() => new("op-1", "hash-1", Started);
}
