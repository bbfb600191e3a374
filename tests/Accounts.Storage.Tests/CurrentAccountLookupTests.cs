using Accounts.Core.Accounts;
using Accounts.Storage.Accounts;
using Accounts.Storage.Tables;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

/// <summary>
/// Lookups by number that decide (a deposit's), <see cref="TableAccountStore.FindByNumberAsync"/>: an account read
/// after its tenant's change mark is used while the mark is unchanged. Two stores over the same tables stand for two
/// instances; the recent reads for showing are off, so only the change mark can keep an account.
/// </summary>
public sealed class CurrentAccountLookupTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private readonly ShiftedClock _clock = new();

    [Fact]
    public async Task A_lookup_sees_every_update_completed_on_another_instance_even_of_an_account_it_kept()
    {
        var here = Store();
        var elsewhere = Store();
        var account = await here.InsertAsync(AccountStoreTests.NewAccount("t1", "h") with { AccountNumber = "6234567890" }, Ct);
        Assert.Equal(AccountStatus.Active, (await elsewhere.FindByNumberAsync("t1", "6234567890", Ct))?.Status);

        var blocked = await here.UpdateAsync(account with { Status = AccountStatus.Blocked }, Ct);
        Assert.Equal(AccountStatus.Blocked, (await elsewhere.FindByNumberAsync("t1", "6234567890", Ct))?.Status);
        Assert.Equal(AccountStatus.Blocked, (await here.FindByNumberAsync("t1", "6234567890", Ct))?.Status);

        await elsewhere.UpdateAsync(blocked with { Status = AccountStatus.Active }, Ct);
        Assert.Equal(AccountStatus.Active, (await here.FindByNumberAsync("t1", "6234567890", Ct))?.Status);
        Assert.Equal(AccountStatus.Active, (await elsewhere.FindByNumberAsync("t1", "6234567890", Ct))?.Status);
    }

    [Fact]
    public async Task A_kept_account_is_used_while_its_tenants_mark_is_unchanged_and_at_most_the_bound()
    {
        var here = Store();
        var account = await here.InsertAsync(AccountStoreTests.NewAccount("t1", "h") with { AccountNumber = "7234567890" }, Ct);

        // Written past the store, as a version that does not replace the mark would (during a rolling upgrade).
        var row = AccountRows.From(account with { Status = AccountStatus.Blocked });
        await Tables.Accounts.Client.UpsertEntityAsync(row, Azure.Data.Tables.TableUpdateMode.Replace);

        Assert.Equal(AccountStatus.Active, (await here.FindByNumberAsync("t1", "7234567890", Ct))?.Status); // kept since its insert
        Assert.Equal(AccountStatus.Blocked, (await Store().FindByNumberAsync("t1", "7234567890", Ct))?.Status); // an instance that kept nothing
        _clock.Advance(CurrentAccounts.KeptFor);
        Assert.Equal(AccountStatus.Blocked, (await here.FindByNumberAsync("t1", "7234567890", Ct))?.Status);
    }

    [Fact]
    public async Task An_update_of_another_tenants_account_leaves_a_kept_account_in_use()
    {
        var here = Store();
        var kept = await here.InsertAsync(AccountStoreTests.NewAccount("t1", "h") with { AccountNumber = "8234567890" }, Ct);
        var other = await here.InsertAsync(AccountStoreTests.NewAccount("t2", "h") with { AccountNumber = "9234567890" }, Ct);
        await Tables.Accounts.Client.UpsertEntityAsync(AccountRows.From(kept with { Label = "changed past the store" }),
            Azure.Data.Tables.TableUpdateMode.Replace);

        await here.UpdateAsync(other with { Status = AccountStatus.Blocked }, Ct);

        Assert.Null((await here.FindByNumberAsync("t1", "8234567890", Ct))?.Label);
        var current = (await Store().GetAsync("t1", kept.Id, Ct))!;
        await Store().UpdateAsync(current with { Label = "through the store" }, Ct); // another instance: replaces t1's mark
        Assert.Equal("through the store", (await here.FindByNumberAsync("t1", "8234567890", Ct))?.Label);
    }

    private TableAccountStore Store() => new(Tables, _clock, new RecentReads(TimeSpan.Zero));
}
