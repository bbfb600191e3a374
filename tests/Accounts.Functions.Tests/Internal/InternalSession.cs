using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Internal;

/// <summary>
/// A fresh tenant with a token from the token endpoint, sending Ledger requests with every header seed 002 requires
/// unless a test removes one. Money arrives as signed deposits through the webhook pipeline, as in production.
/// </summary>
public sealed class InternalSession
{
    public const string Route = "/accounts";

    private InternalSession(AppFixture app, TenantRegistration tenant, string token)
    {
        App = app;
        Tenant = tenant;
        Token = token;
    }

    public AppFixture App { get; }

    public TenantRegistration Tenant { get; }

    public string Token { get; }

    public static async Task<InternalSession> StartAsync(AppFixture app)
    {
        var (tenant, token) = await TestTenants.RegisterWithTokenAsync(app, "Internal");
        return new InternalSession(app, tenant, token);
    }

    /// <summary>The body of seed 002's create example, with the custody the issue requires.</summary>
    public static Dictionary<string, object?> AccountBody(string? parentId = null, string currency = "PKR", string? externalId = null,
        string type = "real", string name = "Auto Loan Account") => new()
    {
        ["identityId"] = "069b63ba-a8cd-4b0e-bb2f-ffc7d71f2dac",
        ["externalId"] = externalId,
        ["type"] = type,
        ["custody"] = "dev-custodian",
        ["currency"] = currency,
        ["name"] = name,
        ["parentId"] = parentId,
    };

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null) =>
        JsonHttp.Request(method, path, body, ("x-api-key", Tenant.ApiKey), ("User-Agent", "ConomyApp/2.1.1"), ("Authorization", "Bearer " + Token));

    public Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request) => JsonHttp.SendAsync(App.CreateClient(), request);

    public Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(Request(method, path, body));

    /// <summary>Creates an account and returns its wire object.</summary>
    public async Task<JsonElement> CreateAsync(object? body = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Post, Route, body ?? AccountBody());
        Assert.True(status == 201, $"create failed: {status} {json}");
        return json;
    }

    public async Task<string> CreateIdAsync(string? parentId = null, string currency = "PKR") =>
        (await CreateAsync(AccountBody(parentId, currency))).GetProperty("id").GetString()!;

    public async Task<JsonElement> GetAsync(string id)
    {
        var (status, json) = await SendAsync(HttpMethod.Get, $"{Route}/{id}");
        Assert.True(status == 200, $"get failed: {status} {json}");
        return json;
    }

    public async Task<Account> StoredAsync(string id) =>
        (await App.Services.GetRequiredService<IAccountStore>().GetAsync(Tenant.Id, id, CancellationToken.None))!;

    /// <summary>
    /// A settled deposit through the webhook pipeline; <paramref name="reverse"/> instead sends the reversal of that
    /// earlier deposit (the pipeline's only debit).
    /// </summary>
    public async Task<LedgerEntry> CreditAsync(string accountId, string reference, string amount, bool reverse = false) =>
        await PipelineDeposits.ApplyAsync(App.Services, App.CreateClient(), Tenant, await StoredAsync(accountId),
            reverse ? "reversed" : "settled", reference, amount);

    public static void AssertError(int expected, (int Status, JsonElement Body) response, string? field)
    {
        Assert.True(response.Status == expected, $"expected {expected}, got {response.Status} {response.Body}");
        var error = response.Body.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        if (field is not null)
        {
            Assert.Equal(field, error.GetProperty("field").GetString());
        }
    }
}
