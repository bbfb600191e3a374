using Accounts.Core.Accounts;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class DynamicAccountExpirerTests
{
    private readonly InMemoryAccounts _accounts = new();
    private readonly InMemoryExpiryIndex _index = new();
    private readonly ManualClock _clock = new(SampleAccounts.Created);

    private DynamicAccountExpirer Expirer => new(_index, _accounts, _clock);

    [Fact]
    public async Task Only_accounts_past_their_expiry_are_marked_and_the_rest_are_not_even_read()
    {
        await AddAsync("a1", minutes: 1);
        await AddAsync("a2", minutes: 2);
        await AddAsync("later", minutes: 60);
        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        var expired = await Expirer.RunAsync(CancellationToken.None);

        Assert.Equal(2, expired);
        Assert.Equal([AccountStatus.Expired, AccountStatus.Expired, AccountStatus.Active], await StatusesAsync("a1", "a2", "later"));
        Assert.Equal((2, 1), (_index.RowsRead, _index.Count));
    }

    [Fact]
    public async Task An_account_due_later_in_the_current_minute_waits_for_its_time()
    {
        var expiresAt = (await AddAsync("a1", minutes: 1)).ExpiresAt!.Value;
        _clock.Advance(expiresAt - _clock.GetUtcNow());

        Assert.Equal(0, await Expirer.RunAsync(CancellationToken.None));
        Assert.Equal(1, _index.Count);

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, await Expirer.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Running_again_changes_nothing_and_closed_or_missing_accounts_are_only_unindexed()
    {
        await AddAsync("a1", minutes: 1);
        await AddAsync("closed", minutes: 1, AccountStatus.Closed);
        await _index.AddAsync(new ExpiryEntry("t1", "never-inserted", SampleAccounts.Created.AddMinutes(1)), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await Expirer.RunAsync(CancellationToken.None));
        Assert.Equal(0, await Expirer.RunAsync(CancellationToken.None));
        Assert.Equal([AccountStatus.Expired, AccountStatus.Closed], await StatusesAsync("a1", "closed"));
        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public async Task A_change_landing_between_read_and_write_is_kept()
    {
        var account = await AddAsync("a1", minutes: 1);
        _clock.Advance(TimeSpan.FromMinutes(2));
        _accounts.BeforeUpdate = async _ =>
        {
            var current = (await _accounts.GetAsync("t1", "a1", CancellationToken.None))!;
            await _accounts.UpdateAsync(current with { Label = "changed meanwhile" }, CancellationToken.None);
        };

        Assert.Equal(1, await Expirer.RunAsync(CancellationToken.None));

        var stored = (await _accounts.GetAsync("t1", account.Id, CancellationToken.None))!;
        Assert.Equal((AccountStatus.Expired, "changed meanwhile"), (stored.Status, stored.Label));
    }

    private async Task<Account> AddAsync(string id, int minutes, AccountStatus status = AccountStatus.Active)
    {
        var account = SampleAccounts.Dynamic(minutes: minutes, status: status) with { Id = id, AccountNumber = id };
        await _index.AddAsync(new ExpiryEntry(account.TenantId, id, account.ExpiresAt!.Value), CancellationToken.None);
        return await _accounts.InsertAsync(account, CancellationToken.None);
    }

    private async Task<AccountStatus[]> StatusesAsync(params string[] ids) =>
        await Task.WhenAll(ids.Select(async id => (await _accounts.GetAsync("t1", id, CancellationToken.None))!.Status));
}
