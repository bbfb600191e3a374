using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Accounts;

/// <summary>
/// Which sub-accounts an account shows (<see cref="AccountLists.AllRecentAsync"/>): a second <see cref="AccountLists"/>
/// over the same stores stands for another instance of the app.
/// </summary>
public sealed class RecentListTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestLifecycle _core = new(Now);

    [Fact]
    public async Task A_sub_account_opened_here_shows_here_at_once_while_elsewhere_shows_what_it_read_within_the_bound()
    {
        var elsewhere = new AccountLists(_core.ListStore, _core.Accounts, _core.Clock, RecentReads.Default);
        var subAccounts = AccountList.OfParent("t1", AccountKind.Internal, "p1");
        await _core.Lifecycle.OpenAsync(Opening("p1", parentId: null), CancellationToken.None);
        Assert.Empty(await _core.Lists.AllRecentAsync(subAccounts, _ => true, CancellationToken.None));
        Assert.Empty(await elsewhere.AllRecentAsync(subAccounts, _ => true, CancellationToken.None));

        await _core.Lifecycle.OpenAsync(Opening("c1", parentId: "p1"), CancellationToken.None);

        Assert.Equal(["c1"], (await _core.Lists.AllRecentAsync(subAccounts, _ => true, CancellationToken.None)).Select(a => a.Id));
        _core.Clock.Advance(RecentReads.DefaultBound - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await elsewhere.AllRecentAsync(subAccounts, _ => true, CancellationToken.None));

        // What decides a change reads fresh, and what it reads is shown from then on.
        Assert.Equal(["c1"], (await elsewhere.AllAsync(subAccounts, _ => true, CancellationToken.None)).Select(a => a.Id));
        Assert.Equal(["c1"], (await elsewhere.AllRecentAsync(subAccounts, _ => true, CancellationToken.None)).Select(a => a.Id));
    }

    [Fact]
    public async Task A_shown_list_elsewhere_catches_up_when_the_bound_passes()
    {
        var elsewhere = new AccountLists(_core.ListStore, _core.Accounts, _core.Clock, RecentReads.Default);
        var subAccounts = AccountList.OfParent("t1", AccountKind.Internal, "p1");
        await _core.Lifecycle.OpenAsync(Opening("p1", parentId: null), CancellationToken.None);
        Assert.Empty(await elsewhere.AllRecentAsync(subAccounts, _ => true, CancellationToken.None));

        await _core.Lifecycle.OpenAsync(Opening("c1", parentId: "p1"), CancellationToken.None);
        _core.Clock.Advance(RecentReads.DefaultBound);

        Assert.Equal(["c1"], (await elsewhere.AllRecentAsync(subAccounts, _ => true, CancellationToken.None)).Select(a => a.Id));
    }

    private static AccountOpening Opening(string id, string? parentId) => new()
    {
        TenantId = "t1",
        AccountId = id,
        MayExist = true,
        Kind = AccountKind.Internal,
        HolderId = "holder",
        ParentId = parentId,
        Numbers = NumberSource.InternalReference,
        Currency = "SGD",
        Country = "SG",
        Type = "test",
    };
}
