using Accounts.Core.Accounts;
using Accounts.Storage.Accounts;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

/// <summary>
/// Reads that only show an account (<see cref="TableAccountStore.GetRecentAsync"/>): two stores over the same tables
/// stand for two instances of the app. The bound is long and the clock is moved by minutes, so how long the storage
/// calls themselves take (real time also passes on this clock) cannot change what a test sees.
/// </summary>
public sealed class RecentAccountReadsTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly RecentReads TenMinutes = new(TimeSpan.FromMinutes(10));

    private readonly ShiftedClock _clock = new();

    [Fact]
    public async Task A_change_shows_at_once_where_it_was_made_and_elsewhere_once_the_bound_has_passed()
    {
        var here = Store(TenMinutes);
        var elsewhere = Store(TenMinutes);
        var account = await here.InsertAsync(AccountStoreTests.NewAccount("t1", "h") with { AccountNumber = "4234567890" }, Ct);
        Assert.Equal(AccountStatus.Active, (await elsewhere.GetRecentAsync("t1", account.Id, Ct))?.Status);
        Assert.Equal(AccountStatus.Active, (await elsewhere.FindRecentByNumberAsync("t1", "4234567890", Ct))?.Status);

        await here.UpdateAsync(account with { Status = AccountStatus.Blocked }, Ct);

        Assert.Equal(AccountStatus.Blocked, (await here.GetRecentAsync("t1", account.Id, Ct))?.Status);
        Assert.Equal(AccountStatus.Blocked, (await here.FindRecentByNumberAsync("t1", "4234567890", Ct))?.Status);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(AccountStatus.Active, (await elsewhere.GetRecentAsync("t1", account.Id, Ct))?.Status);
        Assert.Equal(AccountStatus.Active, (await elsewhere.FindRecentByNumberAsync("t1", "4234567890", Ct))?.Status);

        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(AccountStatus.Blocked, (await elsewhere.GetRecentAsync("t1", account.Id, Ct))?.Status);
        Assert.Equal(AccountStatus.Blocked, (await elsewhere.FindRecentByNumberAsync("t1", "4234567890", Ct))?.Status);
    }

    [Fact]
    public async Task Reads_that_decide_a_change_are_always_fresh_and_refresh_what_is_shown()
    {
        var here = Store(TenMinutes);
        var elsewhere = Store(TenMinutes);
        var account = await here.InsertAsync(AccountStoreTests.NewAccount("t1", "h") with { AccountNumber = "5234567890" }, Ct);
        Assert.NotNull(await elsewhere.GetRecentAsync("t1", account.Id, Ct));

        await here.UpdateAsync(account with { Status = AccountStatus.Blocked }, Ct);

        Assert.Equal(AccountStatus.Blocked, (await elsewhere.GetAsync("t1", account.Id, Ct))?.Status);
        Assert.Equal(AccountStatus.Blocked, (await elsewhere.GetRecentAsync("t1", account.Id, Ct))?.Status);
        Assert.Equal(AccountStatus.Blocked, (await elsewhere.FindByNumberAsync("t1", "5234567890", Ct))?.Status);
    }

    [Fact]
    public async Task A_write_that_loses_a_race_forgets_what_it_showed()
    {
        var here = Store(TenMinutes);
        var elsewhere = Store(TenMinutes);
        var account = await here.InsertAsync(AccountStoreTests.NewAccount("t1", "h"), Ct);
        await elsewhere.UpdateAsync(account with { Label = "changed elsewhere" }, Ct);

        await Assert.ThrowsAsync<Core.Errors.ConcurrencyException>(() => here.UpdateAsync(account with { Label = "stale" }, Ct));

        Assert.Equal("changed elsewhere", (await here.GetRecentAsync("t1", account.Id, Ct))?.Label);
    }

    [Fact]
    public async Task With_a_zero_bound_every_read_is_fresh()
    {
        var here = Store(TenMinutes);
        var elsewhere = Store(new RecentReads(TimeSpan.Zero));
        var account = await here.InsertAsync(AccountStoreTests.NewAccount("t1", "h"), Ct);
        Assert.NotNull(await elsewhere.GetRecentAsync("t1", account.Id, Ct));

        await here.UpdateAsync(account with { Status = AccountStatus.Blocked }, Ct);

        Assert.Equal(AccountStatus.Blocked, (await elsewhere.GetRecentAsync("t1", account.Id, Ct))?.Status);
    }

    [Fact]
    public async Task Shown_accounts_are_kept_per_tenant()
    {
        var store = Store(TenMinutes);
        var account = await store.InsertAsync(AccountStoreTests.NewAccount("t1", "h") with { AccountNumber = "6234567890" }, Ct);
        Assert.NotNull(await store.GetRecentAsync("t1", account.Id, Ct));
        Assert.NotNull(await store.FindRecentByNumberAsync("t1", "6234567890", Ct));

        Assert.Null(await store.GetRecentAsync("t2", account.Id, Ct));
        Assert.Null(await store.FindRecentByNumberAsync("t2", "6234567890", Ct));
    }

    private TableAccountStore Store(RecentReads reads) => new(Tables, _clock, reads);
}
