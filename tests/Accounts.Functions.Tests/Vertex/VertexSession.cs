using System.Text.Json;
using Accounts.Core.Ledger;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>A fresh tenant (partner) of its own, and helpers sending Vertex requests with its x-api-key.</summary>
public sealed class VertexSession
{
    private readonly Func<HttpClient> _client;

    private VertexSession(IServiceProvider services, Func<HttpClient> client, TenantRegistration tenant)
    {
        Services = services;
        _client = client;
        Tenant = tenant;
    }

    public IServiceProvider Services { get; }

    public TenantRegistration Tenant { get; }

    public string Partner => Tenant.PartnerId;

    public static async Task<VertexSession> StartAsync(IServiceProvider services, Func<HttpClient> client)
    {
        var tenant = await TestTenants.RegisterAsync(services, "Vertex");
        return new VertexSession(services, client, tenant);
    }

    /// <summary>POSTs <paramref name="body"/> (an object, or raw JSON text) to <paramref name="path"/> with this partner's key.</summary>
    /// <param name="apiKey">Another key to send; empty sends none.</param>
    public Task<(int Status, JsonElement Body)> PostAsync(string path, object? body, string? apiKey = null) =>
        JsonHttp.SendAsync(_client(), JsonHttp.Request(HttpMethod.Post, path, body, ("x-api-key", apiKey == string.Empty ? null : apiKey ?? Tenant.ApiKey)));

    /// <summary>An operation of seed 004 on this partner's own path.</summary>
    public Task<(int Status, JsonElement Body)> AccountAsync(string operation, object? body) =>
        PostAsync($"/svc/account/{Partner}/{operation}", body);

    public async Task<string> CreateEntityAsync(string type = "personal", string country = "ZAF", string name = "Thandi Nkosi")
    {
        var (status, body) = await PostAsync($"/svc/entity/{Partner}/create", new { type, name, country });
        Assert.True(status == 200, $"entity create failed: {status} {body}");
        return body.GetProperty("entity_id").GetString()!;
    }

    public Task<(int Status, JsonElement Body)> VerifyAsync(string entityId, string status) =>
        PostAsync($"/svc/entity/{Partner}/verify", new { entity_id = entityId, status });

    /// <summary>Creates and approves an entity; returns it and its automatically opened first account.</summary>
    public async Task<(string EntityId, string AccountId)> ApprovedEntityAsync(string type = "personal", string country = "ZAF")
    {
        var entityId = await CreateEntityAsync(type, country);
        var (status, body) = await VerifyAsync(entityId, "approved");
        Assert.True(status == 200, $"approve failed: {status} {body}");
        var accounts = (await AccountAsync("get_by_entity", new { entity_id = entityId })).Body.GetProperty("accounts");
        return (entityId, Assert.Single(accounts.EnumerateArray()).GetProperty("account_id").GetString()!);
    }

    /// <summary>A pending or settled deposit through the signed webhook pipeline; returns the entry it booked.</summary>
    public async Task<LedgerEntry> CreditAsync(string accountId, string reference, string amount, EntryStatus status = EntryStatus.Settled) =>
        await DepositAsync(accountId, status == EntryStatus.Pending ? "pending" : "settled", reference, amount);

    /// <summary>A deposit the provider rejected before it settled: the pipeline books a Failed entry with no balance effect.</summary>
    public Task<LedgerEntry> FailAsync(string accountId, string reference, string amount) =>
        DepositAsync(accountId, "rejected", reference, amount);

    /// <summary>The provider's reversal of a settled deposit: the pipeline debits it with a Reversal entry naming the original.</summary>
    public Task<LedgerEntry> ReverseAsync(string accountId, LedgerEntry original) =>
        DepositAsync(accountId, "reversed", Core.Deposits.Transaction.ReferenceOf(original), Core.Money.Money.Format(original.Amount.Minor, original.Currency));

    private async Task<LedgerEntry> DepositAsync(string accountId, string type, string reference, string amount) =>
        await PipelineDeposits.ApplyAsync(Services, _client(), Tenant, await PipelineDeposits.AccountAsync(Services, Tenant.Id, accountId),
            type, reference, amount);

    public static void AssertError(int expected, int status, JsonElement body, string code, string? field = null, string? mentions = null)
    {
        Assert.True(expected == status, $"expected {expected}, got {status}: {body}");
        var error = body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (mentions is not null)
        {
            Assert.Contains(mentions, error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
