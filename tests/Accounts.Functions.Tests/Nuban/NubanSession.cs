using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>A fresh tenant (merchant) with its own API key, sending Nuban requests with X-API-Key.</summary>
public sealed class NubanSession(NubanAppFixture app, TenantRegistration tenant)
{
    public NubanAppFixture App { get; } = app;

    public TenantRegistration Tenant { get; } = tenant;

    public static async Task<NubanSession> StartAsync(NubanAppFixture app, string environment = "SANDBOX")
    {
        var tenant = await TestTenants.RegisterAsync(app.Services, "Shop", environment, idPrefix: "merchant-");
        return new NubanSession(app, tenant);
    }

    /// <param name="apiKey">Another key to send; empty sends none.</param>
    public Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null, string? apiKey = null) =>
        JsonHttp.SendAsync(App.CreateClient(), JsonHttp.Request(method, path, body, ("X-API-Key", apiKey == string.Empty ? null : apiKey ?? Tenant.ApiKey)));

    public static object StaticBody(string? email = null, string? phone = null) => new
    {
        email_address = email ?? $"u{Guid.NewGuid():N}@example.com",
        first_name = "Liman",
        last_name = "Dauda",
        phone_number = phone ?? RandomPhone(),
    };

    /// <summary>A random valid Nigerian mobile number, so tests never collide on the per-tenant phone rule.</summary>
    public static string RandomPhone() => "080" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    /// <summary>Creates a static account and returns its data object.</summary>
    public async Task<JsonElement> CreateStaticAsync(object? body = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Post, "/v1/accounts/static", body ?? StaticBody());
        Assert.True(status == 201, $"create static failed: {status} {json}");
        return json.GetProperty("data");
    }

    public async Task<JsonElement> CreateDynamicAsync(decimal amount = 100.00m, int minutes = 30, string? reference = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Post, "/v1/accounts/dynamic",
            new { amount, reference = reference ?? "ref-" + Guid.NewGuid().ToString("N"), duration_in_minutes = minutes });
        Assert.True(status == 201, $"create dynamic failed: {status} {json}");
        return json.GetProperty("data");
    }

    public static void AssertError(int expectedStatus, (int Status, JsonElement Body) response, string messagePart)
    {
        Assert.True(expectedStatus == response.Status, $"expected {expectedStatus}, got {response.Status}: {response.Body}");
        Assert.False(response.Body.GetProperty("success").GetBoolean());
        Assert.Contains(messagePart, response.Body.GetProperty("message").GetString());
        Assert.Equal(2, response.Body.EnumerateObject().Count());
    }
}
