using Accounts.Core.Accounts;
using Accounts.Storage.Accounts;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class AccountListStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private TableAccountLists? _store;

    private TableAccountLists Store => _store ??= new(Tables);

    private static AccountList List(string holder = "h") => AccountList.OfHolder("t", AccountKind.Internal, holder);

    [Fact]
    public async Task Concurrent_appends_take_distinct_positions_once_each_with_times_growing_with_positions()
    {
        await Store.CreateAsync(List(), [], Ct);
        var ids = Enumerable.Range(0, 30).Select(i => $"acct-{i}").ToList();

        // Every account appended twice at once, all with the same clock reading: each lands once.
        var times = await Task.WhenAll(ids.Concat(ids).Select(id => Store.AppendAsync(List(), id, Now, Ct)));

        var head = (await Store.GetHeadAsync(List(), Ct))!;
        var slots = await Store.SlotsAsync(List(), head, 0, 31, Ct);
        Assert.Equal((30L, 0L), (head.Appended, head.Closed));
        Assert.Equal(ids.ToHashSet(), slots.Take(30).OfType<string>().ToHashSet());
        Assert.Null(slots[30]);
        Assert.Equal(times.Take(30), times.Skip(30));
        var byPosition = slots.Take(30).Select(id => times[ids.IndexOf(id!)]).ToList();
        Assert.Equal(byPosition.Order(), byPosition);
        Assert.Equal(30, byPosition.Distinct().Count());
        Assert.Equal(Now, byPosition[0]);
    }

    [Fact]
    public async Task Appends_from_two_processes_race_on_the_head_and_still_land_once_each()
    {
        var other = new TableAccountLists(Tables);
        await Store.CreateAsync(List("raced"), [], Ct);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? Store : other).AppendAsync(List("raced"), $"r{i % 8}", Now, Ct)));

        var head = (await other.GetHeadAsync(List("raced"), Ct))!;
        Assert.Equal(8L, head.Appended);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"r{i}").ToHashSet(),
            (await Store.SlotsAsync(List("raced"), head, 0, 8, Ct)).OfType<string>().ToHashSet());
    }

    [Fact]
    public async Task A_member_is_counted_closed_once_and_a_stranger_not_at_all()
    {
        await Store.CreateAsync(List(), [], Ct);
        await Store.AppendAsync(List(), "a", Now, Ct);
        await Store.AppendAsync(List(), "b", Now, Ct);

        var marked = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Store.MarkClosedAsync(List(), "a", Ct)));
        var stranger = await Store.MarkClosedAsync(List(), "nobody", Ct);

        Assert.All(marked, Assert.True);
        Assert.False(stranger);
        var head = (await Store.GetHeadAsync(List(), Ct))!;
        Assert.Equal((2L, 1L, 1L), (head.Appended, head.Closed, head.Open));
    }

    [Fact]
    public async Task Of_concurrent_creations_one_wins_and_the_losers_rows_are_never_seen()
    {
        var builds = Enumerable.Range(0, 4).Select(b =>
            Enumerable.Range(0, 120).Select(i => ($"build{b}-{i}", i % 3 == 0)).ToList()).ToList();

        var heads = await Task.WhenAll(builds.Select(members => Store.CreateAsync(List("built"), members, Ct)));

        var head = (await Store.GetHeadAsync(List("built"), Ct))!;
        Assert.All(heads, h => Assert.Equal(head, h));
        Assert.Equal((120L, 40L), (head.Appended, head.Closed));
        var slots = await Store.SlotsAsync(List("built"), head, 0, 120, Ct);
        var winner = builds.Single(b => b[0].Item1 == slots[0]);
        Assert.Equal(winner.Select(m => m.Item1), slots);
        Assert.Null(await Store.GetHeadAsync(List("never"), Ct));

        // The winner's members are members (a repeated append does not add them); the losers' are not.
        await Store.AppendAsync(List("built"), winner[5].Item1, Now, Ct);
        await Store.AppendAsync(List("built"), builds.First(b => b != winner)[5].Item1, Now, Ct);
        Assert.Equal(121L, (await Store.GetHeadAsync(List("built"), Ct))!.Appended);
        Assert.True(await Store.MarkClosedAsync(List("built"), winner[0].Item1, Ct));
        Assert.Equal(40L, (await Store.GetHeadAsync(List("built"), Ct))!.Closed);
    }

    [Fact]
    public async Task A_tenant_is_covered_by_lists_when_it_had_no_accounts_at_first_use_and_that_is_kept()
    {
        var accounts = new TableAccountStore(Tables, TimeProvider.System, RecentReads.Default);
        await accounts.InsertAsync(Account("legacy-tenant"), Ct);

        var fresh = await Store.CoversTenantAsync("fresh-tenant", Ct);
        await accounts.InsertAsync(Account("fresh-tenant"), Ct);

        Assert.True(fresh);
        Assert.True(await new TableAccountLists(Tables).CoversTenantAsync("fresh-tenant", Ct));
        Assert.False(await Store.CoversTenantAsync("legacy-tenant", Ct));
        Assert.False(await new TableAccountLists(Tables).CoversTenantAsync("legacy-tenant", Ct));
    }

    [Fact]
    public async Task Lists_of_other_tenants_holders_and_kinds_are_apart()
    {
        var lists = new[]
        {
            AccountList.OfHolder("t1", AccountKind.Global, "u"), AccountList.OfHolder("t2", AccountKind.Global, "u"),
            AccountList.OfHolder("t1", AccountKind.Entity, "u"), AccountList.OfKinds("t1", AccountKind.Global),
            AccountList.OfParent("t1", AccountKind.Internal, "u"), AccountList.Nuban("t1"),
        };
        foreach (var (list, i) in lists.Select((l, i) => (l, i)))
        {
            await Store.CreateAsync(list, [], Ct);
            for (var n = 0; n <= i; n++)
            {
                await Store.AppendAsync(list, $"a{n}", Now, Ct);
            }
        }

        var appended = await Task.WhenAll(lists.Select(async l => (await Store.GetHeadAsync(l, Ct))!.Appended));
        Assert.Equal([1L, 2, 3, 4, 5, 6], appended);
    }

    private static Account Account(string tenantId) => new()
    {
        Id = Guid.NewGuid().ToString(),
        TenantId = tenantId,
        Kind = AccountKind.Global,
        HolderId = "h",
        AccountNumber = Guid.NewGuid().ToString("N")[..10],
        InstitutionCode = "X",
        Currency = "USD",
        Country = "US",
        Type = "t",
        Status = AccountStatus.Active,
        BookId = "b",
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
