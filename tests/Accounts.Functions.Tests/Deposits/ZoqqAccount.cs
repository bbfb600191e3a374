using System.Net.Http.Json;
using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>A Zoqq account opened over HTTP on any app instance, and its balance and transactions as the API shows them.</summary>
public sealed class ZoqqAccount
{
    private readonly HttpClient _client;
    private readonly TenantRegistration _tenant;
    private readonly string _token;

    private ZoqqAccount(HttpClient client, TenantRegistration tenant, string token, string id, string number)
    {
        _client = client;
        _tenant = tenant;
        _token = token;
        Id = id;
        Number = number;
    }

    public string Id { get; }

    public string Number { get; }

    public static async Task<ZoqqAccount> OpenAsync(HttpClient client, TenantRegistration tenant)
    {
        var token = await TestTenants.TokenAsync(client, tenant);
        using var request = Request(tenant, token, HttpMethod.Post, "/zoqq/api/v1/account");
        request.Content = JsonContent.Create(new
        {
            type = "virtual_account", country = "SG", currency = "SGD",
            required_features = new[] { new { currency = "SGD", transfer_method = "LOCAL" } },
        });
        var account = (await SendAsync(client, request)).GetProperty("data")[0];
        return new ZoqqAccount(client, tenant, token, account.GetProperty("id").GetString()!, account.GetProperty("account_number").GetString()!);
    }

    /// <summary>The same account seen through another app instance over the same storage.</summary>
    public async Task<ZoqqAccount> OnAsync(HttpClient client) =>
        new(client, _tenant, await TestTenants.TokenAsync(client, _tenant), Id, Number);

    public async Task<decimal> BalanceAsync()
    {
        using var request = Request(_tenant, _token, HttpMethod.Get, "/zoqq/api/v1/account/balance");
        return (await SendAsync(_client, request)).GetProperty("data")[0].GetProperty("available_balance").GetDecimal();
    }

    public async Task<int> TransactionCountAsync() => (await TransactionsAsync()).Length;

    public async Task<JsonElement[]> TransactionsAsync()
    {
        using var request = Request(_tenant, _token, HttpMethod.Get, "/zoqq/api/v1/account/transactions?size=100");
        request.Headers.Add("x-account-id", Id);
        return (await SendAsync(_client, request)).GetProperty("data").EnumerateArray().ToArray();
    }

    private static HttpRequestMessage Request(TenantRegistration tenant, string token, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", tenant.ApiKey);
        request.Headers.Add("x-product-id", tenant.ProductId);
        request.Headers.Add("x-request-id", Guid.NewGuid().ToString());
        request.Headers.Add("x-user-id", "outbox-user");
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var (status, body) = await DepositWebhook.ReadAsync(await client.SendAsync(request));
        Assert.True(status == 200, $"{request.Method} {request.RequestUri}: {status} {body}");
        return body;
    }
}
