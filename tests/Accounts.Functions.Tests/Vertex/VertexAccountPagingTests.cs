using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Vertex.VertexSession;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>get_by_entity a page at a time: limit, cursor and next_cursor.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexAccountPagingTests(AppFixture app)
{
    private Task<VertexSession> StartAsync() => VertexSession.StartAsync(app.Services, app.CreateClient);

    [Fact]
    public async Task Pages_follow_next_cursor_oldest_first_to_a_null_cursor_at_the_end()
    {
        var session = await StartAsync();
        var (entityId, firstId) = await session.ApprovedEntityAsync();
        var ids = new List<string> { firstId };
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await session.AccountAsync("create", new { entity_id = entityId })).Body.GetProperty("account_id").GetString()!);
        }

        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var (status, body) = await session.AccountAsync("get_by_entity", new { entity_id = entityId, limit = 2, cursor });
            Assert.Equal(200, status);
            pages.Add(Ids(body));
            cursor = body.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        var whole = (await session.AccountAsync("get_by_entity", new { entity_id = entityId })).Body;
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(ids, pages.SelectMany(p => p));
        Assert.Equal(ids, Ids(whole));
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task Accounts_stored_before_lists_existed_are_listed_once_the_list_is_built()
    {
        var session = await StartAsync();
        var entityId = await session.CreateEntityAsync();
        var store = app.Services.GetRequiredService<IAccountStore>();
        var legacy = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.CreateVersion7().ToString();
            await store.InsertAsync(LegacyAccount(session.Tenant.Id, entityId, id, i), CancellationToken.None);
            legacy.Add(id);
        }

        var (status, body) = await session.AccountAsync("get_by_entity", new { entity_id = entityId, limit = 2 });
        var rest = (await session.AccountAsync("get_by_entity",
            new { entity_id = entityId, cursor = body.GetProperty("next_cursor").GetString() })).Body;

        Assert.Equal(200, status);
        Assert.Equal(legacy, Ids(body).Concat(Ids(rest)));
    }

    [Theory]
    [InlineData("""{"entity_id":"ENTITY","limit":0}""", "limit")]
    [InlineData("""{"entity_id":"ENTITY","limit":1001}""", "limit")]
    [InlineData("""{"entity_id":"ENTITY","limit":"ten"}""", "limit")]
    [InlineData("""{"entity_id":"ENTITY","cursor":"not-a-cursor"}""", "cursor")]
    public async Task A_bad_limit_or_cursor_is_400_naming_it(string json, string field)
    {
        var session = await StartAsync();
        var entityId = await session.CreateEntityAsync();

        var (status, body) = await session.AccountAsync("get_by_entity", json.Replace("ENTITY", entityId, StringComparison.Ordinal));

        AssertError(400, status, body, "invalid_request", field);
    }

    private static List<string> Ids(JsonElement body) =>
        body.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("account_id").GetString()!).ToList();

    // An account row as the store held them before lists: written straight to the store, in no list.
    private static Account LegacyAccount(string tenantId, string entityId, string id, int serial) => new()
    {
        Id = id,
        TenantId = tenantId,
        Kind = AccountKind.Entity,
        HolderId = entityId,
        AccountNumber = $"629{Random.Shared.Next(0, 9_999_999):D7}",
        InstitutionCode = "legacy",
        Currency = "ZAR",
        Country = "ZAF",
        Type = "personal",
        Status = AccountStatus.Active,
        BookId = Books.OfAccount(tenantId, id),
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(serial - 10),
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
