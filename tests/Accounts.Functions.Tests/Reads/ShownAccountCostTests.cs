using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Internal;
using Accounts.Functions.Tests.Nuban;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Reads;

/// <summary>
/// What showing an account costs in storage requests, counted between the app and Azurite, once the account was read
/// or written on this instance within <see cref="RecentReads.Bound"/> (set long here, so the count does not depend on
/// how fast the machine is): only the book head, for the balance, which is always read fresh.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ShownAccountCostTests(AppFixture app)
{
    private const int Reads = 3;

    [Fact]
    public async Task A_recent_Nuban_account_is_shown_with_one_read_of_its_fresh_balance()
    {
        await using var run = await StartAsync();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services, "Shop", idPrefix: "merchant-");
        var client = run.Factory.CreateClient();
        var (created, body) = await JsonHttp.SendAsync(client, Nuban(HttpMethod.Post, "/v1/accounts/static", tenant, NubanSession.StaticBody()));
        Assert.Equal(201, created);
        var number = body.GetProperty("data").GetProperty("account_number").GetString()!;
        var sent = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "shown-nuban-1", number, "12.50", "NGN"));
        Assert.Equal(202, sent.Status);
        await Eventually.ValueAsync(async () => Balance(await JsonHttp.SendAsync(client, Nuban(HttpMethod.Get, $"/v1/accounts/static/{number}", tenant))),
            b => b == 12.50m, "the deposit shows in the balance");

        run.Proxy.Reset();
        for (var i = 0; i < Reads; i++)
        {
            Assert.Equal(12.50m, Balance(await JsonHttp.SendAsync(client, Nuban(HttpMethod.Get, $"/v1/accounts/static/{number}", tenant))));
        }

        Assert.Equal(0, run.Proxy.Sum("table Accounts"));
        Assert.Equal(0, run.Proxy.Sum("table AccountIndex"));
        Assert.Equal(Reads, run.Proxy.Sum("table Ledger GET"));
        Assert.Equal(0, run.Proxy.Sum("table Ledger query"));
    }

    [Fact]
    public async Task A_recent_Internal_account_and_its_sub_accounts_are_shown_reading_only_fresh_balances()
    {
        await using var run = await StartAsync();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services, "Internal");
        var client = run.Factory.CreateClient();
        var token = await TestTenants.TokenAsync(client, tenant);
        var parent = await CreateInternalAsync(client, tenant, token, parentId: null);
        var child = await CreateInternalAsync(client, tenant, token, parentId: parent);
        var stored = await run.Factory.Services.GetRequiredService<IAccountStore>().GetAsync(tenant.Id, child, CancellationToken.None);
        await PipelineDeposits.ApplyAsync(run.Factory.Services, client, tenant, stored!, "settled", "shown-internal-1", "7.25");

        var warmUp = await JsonHttp.SendAsync(client, Internal(HttpMethod.Get, $"{InternalSession.Route}/{parent}", tenant, token));
        Assert.Equal(200, warmUp.Status);

        run.Proxy.Reset();
        for (var i = 0; i < Reads; i++)
        {
            var (status, shown) = await JsonHttp.SendAsync(client, Internal(HttpMethod.Get, $"{InternalSession.Route}/{parent}", tenant, token));
            Assert.True(status == 200, $"get failed: {status} {shown}");
            Assert.Equal("0.00", shown.GetProperty("balance").GetString());
            Assert.Equal("7.25", shown.GetProperty("subAccounts").GetProperty("balance").GetString());
        }

        // Both accounts and both sub-account list heads are recent; the parent's list slot naming its sub-account is read,
        // and both book heads (the balance and the roll-up).
        Assert.Equal(0, run.Proxy.Sum("table Accounts"));
        Assert.Equal(Reads, run.Proxy.Sum("table AccountIndex GET"));
        Assert.Equal(Reads, run.Proxy.Sum("table AccountIndex"));
        Assert.Equal(2 * Reads, run.Proxy.Sum("table Ledger GET"));
        Assert.Equal(0, run.Proxy.Sum("table Ledger query"));
    }

    // Shown accounts are kept long enough that no read expires mid-test.
    private Task<CountedApp> StartAsync() => CountedApp.StartAsync(app, builder => builder.UseSetting(RecentReads.Setting, "300"));

    private static decimal? Balance((int Status, JsonElement Body) response) =>
        response.Status == 200 ? response.Body.GetProperty("data").GetProperty("booked_balance").GetDecimal() : null;

    private static HttpRequestMessage Nuban(HttpMethod method, string path, Core.Tenancy.TenantRegistration tenant, object? body = null) =>
        JsonHttp.Request(method, path, body, ("X-API-Key", tenant.ApiKey));

    private static HttpRequestMessage Internal(HttpMethod method, string path, Core.Tenancy.TenantRegistration tenant, string token,
        object? body = null) =>
        JsonHttp.Request(method, path, body, ("x-api-key", tenant.ApiKey), ("User-Agent", "ConomyApp/2.1.1"), ("Authorization", "Bearer " + token));

    private static async Task<string> CreateInternalAsync(HttpClient client, Core.Tenancy.TenantRegistration tenant, string token, string? parentId)
    {
        var (status, body) = await JsonHttp.SendAsync(client,
            Internal(HttpMethod.Post, InternalSession.Route, tenant, token, InternalSession.AccountBody(parentId)));
        Assert.True(status == 201, $"create failed: {status} {body}");
        return body.GetProperty("id").GetString()!;
    }
}
