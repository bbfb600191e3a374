using static Accounts.Functions.Tests.Nuban.NubanReadTests;
using static Accounts.Functions.Tests.Nuban.NubanSession;

namespace Accounts.Functions.Tests.Nuban;

[Collection(NubanCollection.Name)]
public sealed class NubanListTests(NubanAppFixture app)
{
    [Fact]
    public async Task The_list_is_newest_first_filtered_by_type_with_the_meta_block()
    {
        var session = await StartAsync(app);
        var dynamicNumber = S(await session.CreateDynamicAsync(reference: "list-ref"), "account_number");
        var static1 = S(await session.CreateStaticAsync(), "account_number");
        var static2 = S(await session.CreateStaticAsync(), "account_number");
        await (await StartAsync(app)).CreateStaticAsync();

        var all = await session.SendAsync(HttpMethod.Get, "/v1/accounts");
        var statics = await session.SendAsync(HttpMethod.Get, "/v1/accounts?account_type=STATIC");
        var dynamics = await session.SendAsync(HttpMethod.Get, "/v1/accounts?account_type=dynamic");

        Assert.Equal("Accounts retrieved successfully", all.Body.GetProperty("message").GetString());
        Assert.Equal([static2, static1, dynamicNumber], Numbers(all.Body));
        Assert.Equal([static2, static1], Numbers(statics.Body));
        Assert.Equal([dynamicNumber], Numbers(dynamics.Body));
        Assert.Equal("""{"page":1,"limit":10,"totalItems":3,"totalPages":1}""", all.Body.GetProperty("meta").GetRawText());
        var item = dynamics.Body.GetProperty("data")[0];
        Assert.Equal(["id", "merchant_id", "environment", "currency", "bank_name", "account_name", "account_number", "account_type",
            "account_category", "status", "created_at", "expiry_time", "is_expired", "reference"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("DYNAMIC", "ACTIVE", "list-ref", session.Tenant.Id),
            (S(item, "account_type"), S(item, "status"), S(item, "reference"), S(item, "merchant_id")));
        Assert.False(item.GetProperty("is_expired").GetBoolean());
        Assert.False(statics.Body.GetProperty("data")[0].TryGetProperty("reference", out _));
    }

    [Fact]
    public async Task Pages_split_the_list_and_count_every_item()
    {
        var session = await StartAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await session.CreateStaticAsync();
        }

        var page2 = await session.SendAsync(HttpMethod.Get, "/v1/accounts?page=2&limit=2");
        var page4 = await session.SendAsync(HttpMethod.Get, "/v1/accounts?page=4&limit=2");

        Assert.Equal(2, page2.Body.GetProperty("data").GetArrayLength());
        Assert.Equal("""{"page":2,"limit":2,"totalItems":5,"totalPages":3}""", page2.Body.GetProperty("meta").GetRawText());
        Assert.Equal(0, page4.Body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_merchant_without_accounts_gets_an_empty_list()
    {
        var session = await StartAsync(app);

        var (status, body) = await session.SendAsync(HttpMethod.Get, "/v1/accounts");

        Assert.Equal(200, status);
        Assert.Equal("""{"page":1,"limit":10,"totalItems":0,"totalPages":0}""", body.GetProperty("meta").GetRawText());
    }

    [Theory]
    [InlineData("account_type=SAVINGS", "account_type")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-1", "limit")]
    public async Task Bad_query_values_are_400_naming_the_parameter(string query, string field)
    {
        var session = await StartAsync(app);

        AssertError(400, await session.SendAsync(HttpMethod.Get, "/v1/accounts?" + query), field);
    }

    private static List<string> Numbers(System.Text.Json.JsonElement body) =>
        body.GetProperty("data").EnumerateArray().Select(a => S(a, "account_number")).ToList();
}
