using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Zoqq;

/// <summary>
/// A fresh tenant with its own keys and a token, so tests never share data. Sends Zoqq requests with every
/// header the seed requires unless a test removes one.
/// </summary>
public sealed class ZoqqSession
{
    private ZoqqSession(AppFixture app, TenantRegistration tenant, string token)
    {
        App = app;
        Tenant = tenant;
        Token = token;
    }

    public AppFixture App { get; }

    public TenantRegistration Tenant { get; }

    public string Token { get; }

    public string UserId { get; init; } = "user-" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<ZoqqSession> StartAsync(AppFixture app)
    {
        var (tenant, token) = await TestTenants.RegisterWithTokenAsync(app);
        return new ZoqqSession(app, tenant, token);
    }

    public ZoqqSession AsUser(string userId) => new(App, Tenant, Token) { UserId = userId };

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? accountId = null,
        string? requestId = null) =>
        JsonHttp.Request(method, path, body, ("x-api-key", Tenant.ApiKey), ("x-product-id", Tenant.ProductId),
            ("x-request-id", requestId ?? Guid.NewGuid().ToString()), ("x-user-id", UserId), ("Authorization", "Bearer " + Token),
            ("x-account-id", accountId));

    public Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request) => JsonHttp.SendAsync(App.CreateClient(), request);

    public Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null,
        string? accountId = null, string? requestId = null) =>
        SendAsync(Request(method, path, body, accountId, requestId));

    public static object SgdAccount(string? label = "New Virtual Account") => new
    {
        type = "virtual_account",
        country = "SG",
        currency = "SGD",
        label,
        required_features = new[] { new { currency = "SGD", transfer_method = "LOCAL" } },
    };

    /// <summary>Opens an account and returns its wire object.</summary>
    public async Task<JsonElement> OpenAsync(object? body = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Post, "/zoqq/api/v1/account", body ?? SgdAccount());
        Assert.True(status == 200, $"create failed: {status} {json}");
        return json.GetProperty("data")[0];
    }
}
