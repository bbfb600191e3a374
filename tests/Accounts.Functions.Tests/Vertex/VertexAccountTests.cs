using Accounts.Core.Ledger;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Vertex.VertexSession;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>create, get_by_entity and get_details of seed 004 over POST /svc/account/{partner_id}/{operation}.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexAccountTests(AppFixture app)
{
    private Task<VertexSession> StartAsync() => VertexSession.StartAsync(app.Services, app.CreateClient);

    [Fact]
    public async Task Create_answers_the_seeds_fields_and_get_by_entity_lists_oldest_first()
    {
        var session = await StartAsync();
        var (entityId, firstId) = await session.ApprovedEntityAsync();

        var (status, created) = await session.AccountAsync("create", new { entity_id = entityId });
        var third = (await session.AccountAsync("create", new { entity_id = entityId })).Body;
        var (listStatus, list) = await session.AccountAsync("get_by_entity", new { entity_id = entityId });

        Assert.Equal((200, 200), (status, listStatus));
        Assert.Equal(["account_id", "entity_id", "account_number", "country", "created_at"], created.EnumerateObject().Select(p => p.Name));
        Assert.Equal((entityId, "ZAF"), (created.GetProperty("entity_id").GetString(), created.GetProperty("country").GetString()));
        Assert.Matches("^62[0-9]{8}$", created.GetProperty("account_number").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", created.GetProperty("created_at").GetString());
        Assert.Equal(entityId, list.GetProperty("entity_id").GetString());
        var accounts = list.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal([firstId, created.GetProperty("account_id").GetString()!, third.GetProperty("account_id").GetString()!],
            accounts.Select(a => a.GetProperty("account_id").GetString()!));
        Assert.Equal(3, accounts.Select(a => a.GetProperty("account_number").GetString()).Distinct().Count());
        Assert.Equal(accounts.Select(a => a.GetProperty("created_at").GetString()).Order(StringComparer.Ordinal),
            accounts.Select(a => a.GetProperty("created_at").GetString()));
    }

    [Fact]
    public async Task An_entity_without_accounts_lists_an_empty_array()
    {
        var session = await StartAsync();
        var entityId = await session.CreateEntityAsync();

        var (status, body) = await session.AccountAsync("get_by_entity", new { entity_id = entityId });

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("accounts").GetArrayLength());
    }

    [Fact]
    public async Task Create_on_a_pending_entity_is_400_with_the_reason()
    {
        var session = await StartAsync();
        var entityId = await session.CreateEntityAsync(type: "personal");

        var (status, body) = await session.AccountAsync("create", new { entity_id = entityId });

        AssertError(400, status, body, "invalid_request", "entity_id", "has not passed KYC verification (status pending)");
    }

    [Fact]
    public async Task An_entity_of_a_country_without_a_pool_gets_the_default_countrys_account()
    {
        var session = await StartAsync();
        var (entityId, _) = await session.ApprovedEntityAsync(country: "NGA");

        var (_, created) = await session.AccountAsync("create", new { entity_id = entityId });

        Assert.Equal("ZAF", created.GetProperty("country").GetString());
    }

    [Theory]
    [InlineData("create")]
    [InlineData("get_by_entity")]
    public async Task An_unknown_entity_is_404(string operation)
    {
        var session = await StartAsync();
        var unknown = Guid.NewGuid().ToString();

        var (status, body) = await session.AccountAsync(operation, new { entity_id = unknown });

        AssertError(404, status, body, "not_found", mentions: $"entity {unknown} was not found");
    }

    [Theory]
    [InlineData("create", "{}", "entity_id")]
    [InlineData("create", """{"entity_id":"123"}""", "entity_id")]
    [InlineData("get_by_entity", """{"entity_id":7}""", "entity_id")]
    [InlineData("get_details", """{"account_id":""}""", "account_id")]
    [InlineData("get_details", """{"account_id":"x","extra":1}""", "extra")]
    [InlineData("list", "", "body")]
    [InlineData("get_transaction", """{"tx_id":"abc"}""", "tx_id")]
    public async Task Invalid_request_data_is_400_naming_the_field(string operation, string json, string field)
    {
        var session = await StartAsync();

        var (status, body) = await session.AccountAsync(operation, json);

        AssertError(400, status, body, "invalid_request", field);
    }

    [Fact]
    public async Task Details_show_balance_and_available_balance_as_decimal_strings()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        var empty = (await session.AccountAsync("get_details", new { account_id = accountId })).Body;
        await session.CreditAsync(accountId, "d1", "100.50");
        await session.CreditAsync(accountId, "d2", "0.25");
        await session.CreditAsync(accountId, "held", "40.00", EntryStatus.Pending);

        var (status, body) = await session.AccountAsync("get_details", new { account_id = accountId });

        Assert.Equal(("0.00", "0.00"), (empty.GetProperty("balance").GetString(), empty.GetProperty("available_balance").GetString()));
        Assert.Equal(200, status);
        Assert.Equal(["account_id", "account_number", "balance", "available_balance", "metadata"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("100.75", "100.75"), (body.GetProperty("balance").GetString(), body.GetProperty("available_balance").GetString()));
        Assert.Equal("ZAR", body.GetProperty("metadata").GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData("/svc/account/{0}/delete")]
    [InlineData("/svc/entity/{0}/update")]
    public async Task An_operation_the_seed_does_not_define_is_404_in_the_error_shape(string path)
    {
        var session = await StartAsync();

        var (status, body) = await session.PostAsync(string.Format(path, session.Partner), new { });

        AssertError(404, status, body, "not_found", mentions: "does not exist");
    }

    [Fact]
    public async Task Details_of_an_unknown_account_are_404()
    {
        var session = await StartAsync();
        var unknown = Guid.NewGuid().ToString();

        var (status, body) = await session.AccountAsync("get_details", new { account_id = unknown });

        AssertError(404, status, body, "not_found", mentions: $"account {unknown} was not found");
    }
}
