using System.Net.Http.Json;
using System.Text.Json;
using Accounts.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>
/// A fresh tenant per test, created the way an operator creates one (the service generates its API key, client secret
/// and webhook secret) through the app's own services; and its token.
/// </summary>
public static class TestTenants
{
    public static async Task<TenantRegistration> RegisterAsync(IServiceProvider services, string name = "Demo",
        string environment = "SANDBOX", string idPrefix = "tenant-")
    {
        var suffix = Guid.NewGuid().ToString("N");
        var created = await services.GetRequiredService<TenantAdministration>().CreateAsync(
            new NewTenant(idPrefix + suffix, $"{name} {suffix[..6]}", "product-" + suffix, "partner-" + suffix, environment),
            CancellationToken.None);
        var t = created.Tenant;
        return new TenantRegistration(t.Id, t.Name, t.ProductId, t.PartnerId, t.Environment, created.ApiKey.Value, created.ClientSecret,
            created.WebhookSecret);
    }

    /// <summary>A fresh tenant and its bearer token, for the dialects whose every request carries both.</summary>
    public static async Task<(TenantRegistration Tenant, string Token)> RegisterWithTokenAsync(AppFixture app, string name = "Demo")
    {
        var tenant = await RegisterAsync(app.Services, name);
        return (tenant, await TokenAsync(app.CreateClient(), tenant));
    }

    /// <summary>A bearer token from the token endpoint, valid for every dialect that asks for one.</summary>
    public static async Task<string> TokenAsync(HttpClient client, TenantRegistration tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zoqq/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { client_secret = tenant.ClientSecret }),
        };
        request.Headers.Add("x-api-key", tenant.ApiKey);
        request.Headers.Add("x-product-id", tenant.ProductId);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
