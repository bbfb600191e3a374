using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>The hostile inputs the fuzz found or guards against, each answered with a 4xx naming what is wrong.</summary>
[Collection(AppCollection.Name)]
public sealed class BadInputTests(AppFixture app)
{
    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Nuban_close_with_an_escaped_lone_surrogate_is_a_400_naming_account_number(string method)
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);
        using var request = Json(method, "/v1/accounts/static/close", "{\"account_number\":\"\\ud800\"}");
        request.Headers.Add("X-API-Key", tenant.ApiKey);

        var (status, body) = await SendAsync(request);

        Assert.Equal(400, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Contains("account_number", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_nested_field_names_that_field()
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);
        using var request = Json("POST", $"/svc/entity/{tenant.PartnerId}/create", "{\"type\":\"personal\",\"name\":\"x\\udc00y\",\"country\":\"ZAF\"}");
        request.Headers.Add("x-api-key", tenant.ApiKey);

        var (status, body) = await SendAsync(request);

        Assert.Equal(400, status);
        Assert.Equal("name", body.GetProperty("error").GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_body_nested_a_thousand_levels_deep_is_a_400_on_body()
    {
        var (status, body) = await LedgerAsync(Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000)));

        Assert.Equal(400, status);
        Assert.Equal("body", body.GetProperty("error").GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_a_400_on_body()
    {
        var (status, body) = await LedgerAsync([.. "{\"name\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);

        Assert.Equal(400, status);
        Assert.Contains("UTF-8", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_64_KiB_is_refused_without_Content_Length()
    {
        var text = "{\"name\":\"" + new string('a', 70_000) + "\"}";
        var (status, body) = await LedgerAsync(Encoding.UTF8.GetBytes(text), chunked: true);

        Assert.Equal(400, status);
        Assert.Contains("65536", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"amount\":1e309,\"duration_in_minutes\":30}", "amount")]
    [InlineData("{\"amount\":99999999999999999999999,\"duration_in_minutes\":30}", "amount")]
    [InlineData("{\"amount\":100,\"duration_in_minutes\":99999999999999999999999}", "duration_in_minutes")]
    [InlineData("{\"amount\":\"NaN\",\"duration_in_minutes\":30}", "amount")]
    public async Task Numbers_no_field_can_hold_are_a_400_naming_the_field(string json, string field)
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);
        using var request = Json("POST", "/v1/accounts/dynamic", json);
        request.Headers.Add("X-API-Key", tenant.ApiKey);

        var (status, body) = await SendAsync(request);

        Assert.Equal(400, status);
        Assert.Contains(field, body.GetProperty("message").GetString());
    }

    private async Task<(int Status, JsonElement Body)> LedgerAsync(byte[] body, bool chunked = false)
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);
        using var client = app.CreateClient();
        var token = await TestTenants.TokenAsync(client, tenant);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/accounts")
        {
            Content = chunked ? new StreamContent(new NonSeekable(body)) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = chunked ? true : null;
        request.Headers.Add("x-api-key", tenant.ApiKey);
        request.Headers.Add("User-Agent", "tests/1.0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(request);
    }

    private static HttpRequestMessage Json(string method, string path, string json) =>
        new(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private async Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var client = app.CreateClient();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
