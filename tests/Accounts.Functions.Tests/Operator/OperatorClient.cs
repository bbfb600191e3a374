using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Operator;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Tests.Operator;

/// <summary>Calls the /operator routes with the app's configured operator key, and the tenant-facing routes a credential opens.</summary>
public sealed class OperatorClient(IServiceProvider services, Func<HttpClient> client)
{
    public string OperatorKey => services.GetRequiredService<IOptions<OperatorOptions>>().Value.ApiKey!;

    public Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(method, path, body, OperatorKey);

    public Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body, string? operatorKey) =>
        JsonHttp.SendAsync(client(), JsonHttp.Request(method, path, body, (OperatorAuthFilter.Header, operatorKey)));

    /// <summary>A new tenant through POST /operator/tenants, as the registration tests and deposit helpers use it.</summary>
    public async Task<TenantRegistration> CreateTenantAsync()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var (status, body) = await SendAsync(HttpMethod.Post, "/operator/tenants",
            new { id = "op-" + suffix, name = "Operated " + suffix[..6], product_id = "product-" + suffix, partner_id = "partner-" + suffix });
        Assert.True(status == 201, $"create tenant: {status} {body}");
        var tenant = body.GetProperty("tenant");
        return new TenantRegistration(tenant.GetProperty("id").GetString()!, tenant.GetProperty("name").GetString()!,
            tenant.GetProperty("product_id").GetString()!, tenant.GetProperty("partner_id").GetString()!,
            tenant.GetProperty("environment").GetString()!, body.GetProperty("api_key").GetProperty("key").GetString()!,
            body.GetProperty("client_secret").GetString()!, body.GetProperty("webhook_secret").GetString()!);
    }

    /// <summary>POST /zoqq/api/v1/auth/token: the status and, on success, the token.</summary>
    public async Task<(int Status, string? Token)> TokenAsync(string apiKey, string productId, string clientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zoqq/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { client_secret = clientSecret }),
        };
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("x-product-id", productId);
        var (status, body) = await ReadAsync(await client().SendAsync(request));
        return (status, status == 200 ? body.GetProperty("access_token").GetString() : null);
    }

    /// <summary>GET /zoqq/api/v1/account (a tenant's account list) with a key and a token: 200 or the refusal.</summary>
    public async Task<(int Status, JsonElement Body)> ListAccountsAsync(string apiKey, string productId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/zoqq/api/v1/account");
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("x-product-id", productId);
        request.Headers.Add("x-request-id", Guid.NewGuid().ToString());
        request.Headers.Add("x-user-id", "operator-test");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ReadAsync(await client().SendAsync(request));
    }

    public static Task<(int Status, JsonElement Body)> ReadAsync(HttpResponseMessage response) => JsonHttp.ReadAsync(response);
}
