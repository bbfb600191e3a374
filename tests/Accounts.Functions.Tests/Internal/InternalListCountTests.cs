using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

/// <summary>List totals kept as counters, the indexed filters, and accounts stored before lists existed.</summary>
[Collection(AppCollection.Name)]
public class InternalListCountTests(AppFixture app)
{
    private const string Accounts = InternalSession.Route;

    [Fact]
    public async Task A_delete_lowers_every_total_once_even_when_repeated()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateIdAsync();
        var subs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            subs.Add(await session.CreateIdAsync(parent));
        }

        var deletes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => session.SendAsync(HttpMethod.Delete, $"{Accounts}/{subs[0]}")));

        Assert.Contains(deletes, d => d.Status == 204);
        Assert.Equal((3, 2), await TotalAndCountAsync(session, "limit=2"));
        Assert.Equal((2, 2), await TotalAndCountAsync(session, $"parentId={parent}"));
        Assert.Equal((3, 3), await TotalAndCountAsync(session, "identityId=069b63ba-a8cd-4b0e-bb2f-ffc7d71f2dac"));
        Assert.Equal((3, 1), await TotalAndCountAsync(session, "status=ACTIVE&limit=1"));
        AssertError(409, await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{parent}"), null);
    }

    [Fact]
    public async Task The_externalId_filter_finds_the_account_that_holds_it_now()
    {
        var session = await StartAsync(app);
        var id = (await session.CreateAsync(AccountBody(externalId: "before"))).GetProperty("id").GetString()!;
        await session.CreateIdAsync();
        await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{id}", new { externalId = "after" });

        Assert.Equal([id], await IdsAsync(session, "externalId=after"));
        Assert.Empty(await IdsAsync(session, "externalId=before"));
        Assert.Empty(await IdsAsync(session, "externalId=never"));
        Assert.Empty(await IdsAsync(session, "externalId=after&currency=USD"));
    }

    [Fact]
    public async Task Accounts_stored_before_lists_existed_are_listed_rolled_up_and_guard_their_parent()
    {
        var session = await StartAsync(app);
        var store = app.Services.GetRequiredService<IAccountStore>();
        var parent = await store.InsertAsync(Legacy(session, null, -3), CancellationToken.None);
        var child = await store.InsertAsync(Legacy(session, parent.Id, -2), CancellationToken.None);
        await session.CreditAsync(child.Id, "legacy-1", "12.50");

        var view = await session.GetAsync(parent.Id);
        var refused = await session.SendAsync(HttpMethod.Delete, $"{Accounts}/{parent.Id}");

        Assert.Equal([parent.Id, child.Id], await IdsAsync(session, string.Empty));
        Assert.Equal([child.Id], await IdsAsync(session, $"parentId={parent.Id}"));
        Assert.Equal("12.50", view.GetProperty("subAccounts").GetProperty("balance").GetString());
        AssertError(409, refused, null);
    }

    private static Account Legacy(InternalSession session, string? parentId, int minutes)
    {
        var id = Guid.NewGuid().ToString();
        return new Account
        {
            Id = id,
            TenantId = session.Tenant.Id,
            Kind = AccountKind.Internal,
            HolderId = "legacy-identity",
            AccountNumber = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            InstitutionCode = "INTERNAL",
            Currency = "PKR",
            Country = string.Empty,
            Type = "real",
            Status = AccountStatus.Active,
            BookId = Books.OfAccount(session.Tenant.Id, id),
            Label = "Legacy",
            ParentId = parentId,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(minutes),
            UpdatedAt = DateTimeOffset.UtcNow,
            Attributes = new Dictionary<string, string> { ["custody"] = "dev-custodian" },
        };
    }

    private static async Task<(int Total, int Count)> TotalAndCountAsync(InternalSession session, string query)
    {
        var (status, body) = await session.SendAsync(HttpMethod.Get, $"{Accounts}?{query}");
        Assert.True(status == 200, $"{query}: {status} {body}");
        var pagination = body.GetProperty("pagination").GetProperty("pagination");
        return (pagination.GetProperty("total").GetInt32(), pagination.GetProperty("count").GetInt32());
    }

    private static async Task<List<string>> IdsAsync(InternalSession session, string query)
    {
        var (status, body) = await session.SendAsync(HttpMethod.Get, $"{Accounts}?{query}");
        Assert.True(status == 200, $"{query}: {status} {body}");
        return body.GetProperty("pagination").GetProperty("results").EnumerateArray()
            .Select(a => a.GetProperty("id").GetString()!).ToList();
    }

}
