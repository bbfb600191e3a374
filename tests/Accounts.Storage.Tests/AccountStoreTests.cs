using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Storage.Accounts;
using Accounts.TestSupport;
using Azure.Data.Tables;

namespace Accounts.Storage.Tests;

public sealed class AccountStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private TableAccountStore Store => new(Tables, TimeProvider.System, RecentReads.Default);

    [Fact]
    public async Task An_inserted_account_reads_back_with_every_field_and_a_version()
    {
        var account = NewAccount("tenant-a", "holder/1#x") with
        {
            Label = "Main",
            ExternalId = "ext-9",
            ParentId = "parent-1",
            ExpiresAt = Created.AddHours(2).AddTicks(3),
            ExpectedAmountMinor = 150_000,
            Attributes = new Dictionary<string, string> { ["email"] = "a@b.c", ["name"] = "Zoë \"Z\" O'Neil" },
        };

        var inserted = await Store.InsertAsync(account, Ct);
        var read = await Store.GetAsync("tenant-a", account.Id, Ct);

        Assert.NotNull(inserted.Version);
        Assert.NotNull(read);
        Assert.Equal(inserted.Version, read.Version);
        Assert.Equal(account.Attributes, read.Attributes);
        Assert.Equal(account with { Attributes = read.Attributes, Version = read.Version }, read);
        Assert.Null(await Store.GetAsync("tenant-b", account.Id, Ct));
    }

    [Fact]
    public async Task Inserting_an_existing_id_throws_a_concurrency_exception()
    {
        var account = NewAccount("t", "h");
        await Store.InsertAsync(account, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.InsertAsync(account with { Label = "again" }, Ct));
        Assert.Null((await Store.GetAsync("t", account.Id, Ct))!.Label);
    }

    [Fact]
    public async Task An_update_with_a_stale_version_throws_and_keeps_the_newer_state()
    {
        var inserted = await Store.InsertAsync(NewAccount("t", "h"), Ct);
        var updated = await Store.UpdateAsync(inserted with { Status = AccountStatus.Closed, Label = "closed" }, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.UpdateAsync(inserted with { Label = "stale" }, Ct));

        var read = await Store.GetAsync("t", inserted.Id, Ct);
        Assert.NotEqual(inserted.Version, updated.Version);
        Assert.Equal(updated.Version, read!.Version);
        Assert.Equal(AccountStatus.Closed, read.Status);
        Assert.Equal("closed", read.Label);
    }

    [Fact]
    public async Task An_update_without_a_version_is_refused_rather_than_overwriting()
    {
        var inserted = await Store.InsertAsync(NewAccount("t", "h"), Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpdateAsync(inserted with { Version = null, Label = "blind" }, Ct));
        Assert.Null((await Store.GetAsync("t", inserted.Id, Ct))!.Label);
    }

    [Fact]
    public async Task A_number_is_claimed_once_per_institution()
    {
        Assert.True(await Store.TryClaimNumberAsync("058", "0123456789", "t1", "acc-a", Ct));
        Assert.False(await Store.TryClaimNumberAsync("058", "0123456789", "t1", "acc-b", Ct));
        Assert.True(await Store.TryClaimNumberAsync("058", "0123456789", "t1", "acc-a", Ct));
        Assert.False(await Store.TryClaimNumberAsync("058", "0123456789", "t2", "acc-a", Ct));
        Assert.True(await Store.TryClaimNumberAsync("044", "0123456789", "t1", "acc-b", Ct));
    }

    [Fact]
    public async Task Parallel_claims_of_one_number_have_exactly_one_winner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Store.TryClaimNumberAsync("058", "999", "t", $"acc-{i}", Ct)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Holder_listing_is_oldest_first_and_isolated_per_tenant()
    {
        var holder = "user/42?#";
        var first = await Store.InsertAsync(NewAccount("t1", holder, Created), Ct);
        var second = await Store.InsertAsync(NewAccount("t1", holder, Created.AddMinutes(1)), Ct);
        var third = await Store.InsertAsync(NewAccount("t1", holder, Created.AddMinutes(2)), Ct);
        await Store.InsertAsync(NewAccount("t1", "someone-else"), Ct);
        var otherTenant = await Store.InsertAsync(NewAccount("t2", holder), Ct);

        // An index row whose account was never written (a crashed insert) must be skipped.
        var orphan = new TableEntity(AccountIndexRows.HolderPartition("t1", holder), Guid.CreateVersion7().ToString())
        {
            ["AccountId"] = "missing",
        };
        await Tables.AccountIndex.Client.AddEntityAsync(orphan);

        Assert.Equal([first.Id, second.Id, third.Id], (await Store.ListByHolderAsync("t1", holder, Ct)).Select(a => a.Id));
        Assert.Equal([otherTenant.Id], (await Store.ListByHolderAsync("t2", holder, Ct)).Select(a => a.Id));
        Assert.Empty(await Store.ListByHolderAsync("t3", holder, Ct));
    }

    [Fact]
    public async Task Find_by_number_is_scoped_to_the_tenant()
    {
        var account = await Store.InsertAsync(NewAccount("t1", "h") with { AccountNumber = "1234567890" }, Ct);

        Assert.Equal(account, await Store.FindByNumberAsync("t1", "1234567890", Ct) is { } found ? found with { Attributes = account.Attributes } : null);
        Assert.Null(await Store.FindByNumberAsync("t2", "1234567890", Ct));
        Assert.Null(await Store.FindByNumberAsync("t1", "0000000000", Ct));
    }

    [Fact]
    public async Task A_number_found_once_is_found_again_by_its_account_alone()
    {
        var store = Store;
        var account = await store.InsertAsync(NewAccount("t1", "h") with { AccountNumber = "2234567890" }, Ct);
        Assert.Equal(account.Id, (await store.FindByNumberAsync("t1", "2234567890", Ct))?.Id);

        // With the index row gone, only the remembered id can find it: the second lookup reads the account alone.
        await Tables.AccountIndex.Client.DeleteEntityAsync(AccountIndexRows.NumberPartition("t1"), KeyEncoder.Encode("2234567890"),
            cancellationToken: Ct);

        Assert.Equal(account.Id, (await store.FindByNumberAsync("t1", "2234567890", Ct))?.Id);
        Assert.Null(await Store.FindByNumberAsync("t1", "2234567890", Ct));
        Assert.Null(await store.FindByNumberAsync("t2", "2234567890", Ct));
    }

    [Fact]
    public async Task A_remembered_id_whose_account_no_longer_has_the_number_is_not_returned()
    {
        var store = Store;
        var account = await store.InsertAsync(NewAccount("t1", "h") with { AccountNumber = "3234567890" }, Ct);
        Assert.NotNull(await store.FindByNumberAsync("t1", "3234567890", Ct));

        await store.UpdateAsync(account with { AccountNumber = "3234567899" }, Ct);

        Assert.Null(await store.FindByNumberAsync("t1", "3234567890", Ct));
    }

    [Fact]
    public async Task An_account_number_indexed_for_another_account_refuses_the_insert()
    {
        await Store.InsertAsync(NewAccount("t1", "h") with { AccountNumber = "555" }, Ct);
        var clash = NewAccount("t1", "h") with { AccountNumber = "555" };

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.InsertAsync(clash, Ct));
        Assert.Null(await Store.GetAsync("t1", clash.Id, Ct));
    }

    [Fact]
    public async Task Listing_a_tenant_returns_its_accounts_oldest_first_optionally_of_one_kind()
    {
        var newer = NewAccount("t-list", "h1", Created.AddMinutes(5));
        var older = NewAccount("t-list", "h2", Created) with { Kind = AccountKind.Global };
        await Store.InsertAsync(newer, Ct);
        await Store.InsertAsync(older, Ct);
        await Store.InsertAsync(NewAccount("t-other", "h1"), Ct);

        var all = await Store.ListByTenantAsync("t-list", null, Ct);
        var dynamic = await Store.ListByTenantAsync("t-list", AccountKind.NubanDynamic, Ct);

        Assert.Equal([older.Id, newer.Id], all.Select(a => a.Id));
        Assert.Equal([newer.Id], dynamic.Select(a => a.Id));
    }

    internal static Account NewAccount(string tenantId, string holderId, DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.CreateVersion7().ToString(),
        TenantId = tenantId,
        Kind = AccountKind.NubanDynamic,
        HolderId = holderId,
        AccountNumber = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        InstitutionCode = "058",
        Currency = "NGN",
        Country = "NG",
        Type = "dynamic",
        Status = AccountStatus.Active,
        BookId = "book-" + Guid.NewGuid().ToString("N"),
        CreatedAt = createdAt ?? Created,
        UpdatedAt = (createdAt ?? Created).AddSeconds(1),
    };
}
