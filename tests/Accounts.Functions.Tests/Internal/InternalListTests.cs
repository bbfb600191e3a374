using System.Text.Json;
using Accounts.Core.Internal;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Internal.InternalSession;

namespace Accounts.Functions.Tests.Internal;

[Collection(AppCollection.Name)]
public class InternalListTests(AppFixture app)
{
    private const string Accounts = InternalSession.Route;

    [Fact]
    public async Task Every_filter_of_the_seed_narrows_the_list()
    {
        var session = await StartAsync(app);
        var parent = await session.CreateAsync(AccountBody(externalId: "p-1", type: "CHECKING"));
        var parentId = parent.GetProperty("id").GetString()!;
        var child = await session.CreateAsync(AccountBody(parentId, externalId: "c-1"));
        var usd = await session.CreateAsync(new Dictionary<string, object?>(AccountBody(currency: "USD")) { ["identityId"] = "someone-else" });
        await session.SendAsync(HttpMethod.Patch, $"{Accounts}/{usd.GetProperty("id").GetString()}", new { status = "BLOCKED" });

        Assert.Equal([Id(child)], await IdsAsync(session, $"parentId={parentId}"));
        Assert.Equal([Id(parent)], await IdsAsync(session, $"accountNumber={parent.GetProperty("accountNumber").GetString()}"));
        Assert.Equal([Id(child)], await IdsAsync(session, "externalId=c-1"));
        Assert.Equal([Id(usd)], await IdsAsync(session, "identityId=someone-else"));
        Assert.Equal([Id(parent)], await IdsAsync(session, "type=checking"));
        Assert.Equal([Id(usd)], await IdsAsync(session, "currency=USD"));
        Assert.Equal([Id(usd)], await IdsAsync(session, "status=BLOCKED"));
        Assert.Equal([Id(parent), Id(child)], await IdsAsync(session, "status=active&currency=PKR"));
    }

    [Fact]
    public async Task Dates_filter_by_creation_day_inclusive()
    {
        var session = await StartAsync(app);
        var id = await session.CreateIdAsync();
        var today = DateTime.UtcNow;
        string Day(DateTime d) => d.ToString("dd/MM/yyyy");

        Assert.Equal([id], await IdsAsync(session, $"startDate={Day(today)}&endDate={Day(today)}"));
        Assert.Equal([id], await IdsAsync(session, $"startDate={Day(today.AddDays(-3))}"));
        Assert.Empty(await IdsAsync(session, $"endDate={Day(today.AddDays(-1))}"));
        Assert.Empty(await IdsAsync(session, $"startDate={Day(today.AddDays(1))}"));
    }

    [Theory]
    [InlineData("startDate=2025-04-01", "startDate")]
    [InlineData("startDate=31/02/2025", "startDate")]
    [InlineData("endDate=1/4/2025", "endDate")]
    [InlineData("startDate=02/04/2025&endDate=01/04/2025", "endDate")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("next=not-a-cursor", "next")]
    [InlineData("type=GOLD", "type")]
    [InlineData("currency=PAKISTAN", "currency")]
    [InlineData("status=CLOSED", "status")]
    public async Task Bad_query_parameters_get_400_naming_them(string query, string field)
    {
        var session = await StartAsync(app);

        AssertError(400, await session.SendAsync(HttpMethod.Get, $"{Accounts}?{query}"), field);
    }

    [Fact]
    public async Task Cursor_pagination_over_250_accounts_has_no_duplicates_or_gaps()
    {
        var session = await StartAsync(app);
        var service = app.Services.GetRequiredService<InternalProduct>();
        var created = new List<string>();
        foreach (var chunk in Enumerable.Range(0, 250).Chunk(25))
        {
            var opened = await Task.WhenAll(chunk.Select(i => service.OpenAsync(session.Tenant.Id,
                new OpenInternalAccount("identity", "CHECKING", "custody", "PKR", $"Account {i}", $"ext-{i}", null), CancellationToken.None)));
            created.AddRange(opened.Select(a => a.Id));
        }

        var seen = new List<string>();
        var query = "limit=37";
        var pages = 0;
        JsonElement pagination;
        do
        {
            var page = (await session.SendAsync(HttpMethod.Get, $"{Accounts}?{query}")).Body.GetProperty("pagination");
            pagination = page.GetProperty("pagination");
            seen.AddRange(page.GetProperty("results").EnumerateArray().Select(Id));
            Assert.Equal(created.Count, pagination.GetProperty("total").GetInt32());
            Assert.Equal(page.GetProperty("results").GetArrayLength(), pagination.GetProperty("count").GetInt32());
            if (pages++ == 2)
            {
                // An account opened mid-walk lands at the end: nothing already seen repeats, nothing is skipped.
                created.Add(await session.CreateIdAsync());
            }

            query = $"limit=37&next={pagination.GetProperty("next").GetString()}";
        }
        while (pagination.GetProperty("next").ValueKind == JsonValueKind.String);

        Assert.Equal(7, pages);
        Assert.Equal(created.Count, seen.Distinct().Count());
        Assert.Equal(created.ToHashSet(), seen.ToHashSet());
        var stored = (await Task.WhenAll(seen.Select(session.StoredAsync))).Select(a => (a.CreatedAt, a.Id)).ToList();
        Assert.Equal(stored.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal), stored);
    }

    [Fact]
    public async Task Offset_limit_and_previous_page_through_the_same_order()
    {
        var session = await StartAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await session.CreateIdAsync());
        }

        var first = (await session.SendAsync(HttpMethod.Get, Accounts)).Body.GetProperty("pagination");
        var third = (await session.SendAsync(HttpMethod.Get, $"{Accounts}?limit=3&offset=6")).Body.GetProperty("pagination");
        var previous = third.GetProperty("pagination").GetProperty("previous").GetString();
        var second = (await session.SendAsync(HttpMethod.Get, $"{Accounts}?limit=3&next={previous}")).Body.GetProperty("pagination");
        var back = second.GetProperty("pagination").GetProperty("previous").GetString();
        var start = (await session.SendAsync(HttpMethod.Get, $"{Accounts}?limit=3&next={back}")).Body.GetProperty("pagination");

        Assert.Equal(ids.Take(10), first.GetProperty("results").EnumerateArray().Select(Id));
        Assert.Equal(ids.Skip(6).Take(3), third.GetProperty("results").EnumerateArray().Select(Id));
        Assert.Equal(ids.Skip(3).Take(3), second.GetProperty("results").EnumerateArray().Select(Id));
        Assert.Equal(ids.Take(3), start.GetProperty("results").EnumerateArray().Select(Id));
        Assert.Equal(JsonValueKind.Null, start.GetProperty("pagination").GetProperty("previous").ValueKind);
    }

    private static string Id(JsonElement account) => account.GetProperty("id").GetString()!;

    private static async Task<List<string>> IdsAsync(InternalSession session, string query)
    {
        var (status, body) = await session.SendAsync(HttpMethod.Get, $"{Accounts}?{query}");
        Assert.True(status == 200, $"{query}: {status} {body}");
        return body.GetProperty("pagination").GetProperty("results").EnumerateArray().Select(Id).ToList();
    }
}
