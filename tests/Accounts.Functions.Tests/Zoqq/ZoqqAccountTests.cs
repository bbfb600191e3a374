using System.Text.Json;
using Accounts.Functions.Tests.Infrastructure;
using static Accounts.Functions.Tests.Zoqq.ZoqqAuthTests;

namespace Accounts.Functions.Tests.Zoqq;

[Collection(AppCollection.Name)]
public class ZoqqAccountTests(AppFixture app)
{
    private const string Path = "/zoqq/api/v1/account";

    [Fact]
    public async Task Creating_an_sg_account_returns_the_documented_shape()
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, body) = await session.SendAsync(HttpMethod.Post, Path, ZoqqSession.SgdAccount());

        Assert.Equal(200, status);
        Assert.Equal(("success", 200, "virtual_account created successfully"),
            (body.GetProperty("status").GetString(), body.GetProperty("code").GetInt32(), body.GetProperty("message").GetString()));
        var account = body.GetProperty("data")[0];
        Assert.Equal("ACTIVE", account.GetProperty("status").GetString());
        Assert.Equal("New Virtual Account", account.GetProperty("label").GetString());
        Assert.Equal("SG", account.GetProperty("country_code").GetString());
        Assert.Equal(session.Tenant.Name, account.GetProperty("account_holder_name").GetString());
        Assert.Equal("DBS Bank Ltd", account.GetProperty("institution").GetProperty("name").GetString());
        Assert.Matches("^[0-9]+$", account.GetProperty("account_number").GetString());
        Assert.True(Guid.TryParse(account.GetProperty("id").GetString(), out _));
        Assert.Equal(JsonValueKind.Null, account.GetProperty("iban").ValueKind);
        var clearing = account.GetProperty("supported_features").EnumerateArray()
            .Select(f => f.GetProperty("local_clearing_system").GetString() ?? f.GetProperty("transfer_method").GetString()).ToList();
        Assert.Equal(new[] { "FAST", "RTGS", "GIRO", "SWIFT" }, clearing.Take(4));
        var feature = account.GetProperty("supported_features")[0];
        Assert.Equal("DEPOSIT", feature.GetProperty("type").GetString());
        Assert.Contains(feature.GetProperty("routing_codes").EnumerateArray(), r => r.GetProperty("type").GetString() == "bank_code");
        var required = Assert.Single(account.GetProperty("required_features").EnumerateArray());
        Assert.Equal(("LOCAL", "SGD"), (required.GetProperty("transfer_method").GetString(), required.GetProperty("currency").GetString()));
        Assert.False(string.IsNullOrEmpty(account.GetProperty("swift_code").GetString()));
    }

    [Fact]
    public async Task A_gb_account_gets_a_valid_iban_and_a_sort_code()
    {
        var session = await ZoqqSession.StartAsync(app);

        var account = await session.OpenAsync(new
        {
            type = "virtual_account", country = "GB", currency = "GBP",
            required_features = new[] { new { currency = "GBP", transfer_method = "LOCAL" } },
        });

        var iban = account.GetProperty("iban").GetString()!;
        Assert.StartsWith("GB", iban);
        Assert.True(Core.Routing.Iban.IsValid(iban), iban);
        Assert.EndsWith(account.GetProperty("account_number").GetString()!, iban);
        Assert.Contains(account.GetProperty("supported_features").EnumerateArray().SelectMany(f => f.GetProperty("routing_codes").EnumerateArray()),
            r => r.GetProperty("type").GetString() == "sort_code");
    }

    [Theory]
    [InlineData("""{"country":"SG","currency":"SGD","required_features":[{"currency":"SGD","transfer_method":"LOCAL"}]}""", "type")]
    [InlineData("""{"type":"savings","country":"SG","currency":"SGD","required_features":[{"currency":"SGD","transfer_method":"LOCAL"}]}""", "type")]
    [InlineData("""{"type":"virtual_account","currency":"SGD","required_features":[{"currency":"SGD","transfer_method":"LOCAL"}]}""", "country")]
    [InlineData("""{"type":"virtual_account","country":"SG","currency":"XYZ","required_features":[{"currency":"SGD","transfer_method":"LOCAL"}]}""", "currency")]
    [InlineData("""{"type":"virtual_account","country":"SG","currency":"SGD"}""", "required_features")]
    [InlineData("""{"type":"virtual_account","country":"SG","currency":"SGD","required_features":[{"currency":"SGD","transfer_method":"WIRE"}]}""", "required_features[0].transfer_method")]
    [InlineData("""{"type":"virtual_account","country":"SG","currency":"SGD","required_features":[{"currency":"SGD","transfer_method":"LOCAL"},{"currency":"JPY","transfer_method":"LOCAL"}]}""", "required_features[1]")]
    [InlineData("""{"type":"virtual_account","country":"SG","currency":"SGD","label":7,"required_features":[]}""", "label")]
    [InlineData("""{"type":"virtual_account","country":"SG","currency":"SGD","colour":"red","required_features":[]}""", "colour")]
    [InlineData("""{"type":"virtual_account",""", "body")]
    public async Task Bad_create_requests_get_400_naming_the_field(string json, string field)
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, body) = await session.SendAsync(HttpMethod.Post, Path, json);

        AssertError(400, status, body, field);
    }

    [Fact]
    public async Task A_replayed_create_returns_the_original_response_and_opens_one_account()
    {
        var session = await ZoqqSession.StartAsync(app);
        var key = Guid.NewGuid().ToString();

        var first = await session.SendAsync(HttpMethod.Post, Path, ZoqqSession.SgdAccount(), requestId: key);
        var replay = await session.SendAsync(HttpMethod.Post, Path, ZoqqSession.SgdAccount(), requestId: key);
        var (_, list) = await session.SendAsync(HttpMethod.Get, Path);

        Assert.Equal(200, replay.Status);
        Assert.Equal(first.Body.GetRawText(), replay.Body.GetRawText());
        Assert.Equal(1, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Parallel_creates_with_one_key_open_one_account()
    {
        var session = await ZoqqSession.StartAsync(app);
        var key = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            session.SendAsync(HttpMethod.Post, Path, ZoqqSession.SgdAccount(), requestId: key)));
        var (_, list) = await session.SendAsync(HttpMethod.Get, Path);

        Assert.All(results, r => Assert.Contains(r.Status, new[] { 200, 409 }));
        Assert.Contains(results, r => r.Status == 200);
        Assert.Equal(1, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_409()
    {
        var session = await ZoqqSession.StartAsync(app);
        var key = Guid.NewGuid().ToString();
        await session.SendAsync(HttpMethod.Post, Path, ZoqqSession.SgdAccount("one"), requestId: key);

        var (status, body) = await session.SendAsync(HttpMethod.Post, Path, ZoqqSession.SgdAccount("two"), requestId: key);

        AssertError(409, status, body, "x-request-id");
    }

    [Fact]
    public async Task Get_filters_by_id_currency_and_status()
    {
        var session = await ZoqqSession.StartAsync(app);
        var sgd = await session.OpenAsync();
        var usd = await session.OpenAsync(new
        {
            type = "virtual_account", country = "US", currency = "USD",
            required_features = new[] { new { currency = "USD", transfer_method = "LOCAL" } },
        });
        await session.SendAsync(HttpMethod.Delete, Path, accountId: usd.GetProperty("id").GetString());

        var byId = await Ids(session, $"?id={sgd.GetProperty("id").GetString()}");
        var byCurrency = await Ids(session, "?currency=usd");
        var active = await Ids(session, "?status=ACTIVE");
        var closed = await Ids(session, "?status=CLOSED");
        var all = await Ids(session, string.Empty);

        Assert.Equal([sgd.GetProperty("id").GetString()!], byId);
        Assert.Equal([usd.GetProperty("id").GetString()!], byCurrency);
        Assert.Equal([sgd.GetProperty("id").GetString()!], active);
        Assert.Equal([usd.GetProperty("id").GetString()!], closed);
        Assert.Equal(2, all.Count);
    }

    [Theory]
    [InlineData("?status=SLEEPING", "status")]
    [InlineData("?currency=ABC", "currency")]
    public async Task Bad_filters_get_400(string query, string field)
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, body) = await session.SendAsync(HttpMethod.Get, Path + query);

        AssertError(400, status, body, field);
    }

    [Fact]
    public async Task Another_users_account_is_not_found_and_another_tenant_sees_nothing()
    {
        var owner = await ZoqqSession.StartAsync(app);
        var id = (await owner.OpenAsync()).GetProperty("id").GetString();
        var otherUser = owner.AsUser("someone-else");
        var otherTenant = (await ZoqqSession.StartAsync(app)).AsUser(owner.UserId);

        var get = await otherUser.SendAsync(HttpMethod.Get, $"{Path}?id={id}");
        var update = await otherUser.SendAsync(HttpMethod.Patch, Path, new { label = "mine now" }, accountId: id);
        var close = await otherUser.SendAsync(HttpMethod.Delete, Path, accountId: id);
        var tenantList = await otherTenant.SendAsync(HttpMethod.Get, Path);
        var tenantGet = await otherTenant.SendAsync(HttpMethod.Get, $"{Path}?id={id}");

        AssertError(404, get.Status, get.Body, null);
        AssertError(404, update.Status, update.Body, null);
        AssertError(404, close.Status, close.Body, null);
        Assert.Equal(0, tenantList.Body.GetProperty("data").GetArrayLength());
        AssertError(404, tenantGet.Status, tenantGet.Body, null);
    }

    private static async Task<List<string>> Ids(ZoqqSession session, string query)
    {
        var (status, body) = await session.SendAsync(HttpMethod.Get, Path + query);
        Assert.Equal(200, status);
        return body.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
    }
}
