using Accounts.Core.Idempotency;
using Accounts.Core.Tests.NubanAccounts;

namespace Accounts.Core.Tests.Idempotency;

public sealed class IdempotencyKeysTests
{
    private readonly InMemoryClaims _claims = new();

    private IdempotencyKeys Keys => new(_claims, TimeProvider.System);

    [Fact]
    public async Task The_same_key_and_request_continue_under_the_first_owner_and_a_different_request_is_refused()
    {
        var first = await Keys.ClaimAsync("s", "k", "owner-1", "F", CancellationToken.None);
        var replay = await Keys.ClaimAsync("s", "k", "owner-2", "F", CancellationToken.None);
        var other = await Keys.ClaimAsync("s", "k", "owner-3", "G", CancellationToken.None);

        Assert.Equal(("owner-1", "owner-1", (string?)null), (first, replay, other));
    }

    [Fact]
    public async Task Concurrent_duplicates_converge_on_one_owner()
    {
        var owners = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Keys.ClaimAsync("s", "k", $"owner-{i}", "F", CancellationToken.None))));

        Assert.Single(owners.Distinct());
        Assert.NotNull(owners[0]);
    }

    [Fact]
    public async Task A_unique_key_is_never_replayed_even_by_an_identical_request()
    {
        Assert.True(await Keys.ClaimUniqueAsync("s", "email", "owner-1", CancellationToken.None));
        Assert.True(await Keys.ClaimUniqueAsync("s", "email", "owner-1", CancellationToken.None));

        Assert.False(await Keys.ClaimUniqueAsync("s", "email", "owner-2", CancellationToken.None));
        Assert.Null(await Keys.ClaimAsync("s", "email", "owner-3", "F", CancellationToken.None));
    }

    [Fact]
    public async Task A_key_stored_before_claims_kept_fingerprints_replays_by_the_fingerprint_its_owner_kept()
    {
        _claims.Seed("s", "old", "owner-1");

        var same = await Keys.ClaimAsync("s", "old", "owner-2", "F", CancellationToken.None, owner => Task.FromResult<string?>(owner == "owner-1" ? "F" : null));
        var other = await Keys.ClaimAsync("s", "old", "owner-3", "G", CancellationToken.None, _ => Task.FromResult<string?>("F"));

        Assert.Equal(("owner-1", (string?)null), (same, other));
    }
}
