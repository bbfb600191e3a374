using System.Text.Json;
using Accounts.Functions.Api;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Internal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The worker keeps the accounts it looked up while no account of their tenant changes; a block or unblock made through
/// another instance still decides the next deposit there, at once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DepositAccountChangeTests(AppFixture app)
{
    [Fact]
    public async Task A_block_and_an_unblock_made_on_another_instance_decide_the_next_deposit_here_at_once()
    {
        var session = await InternalSession.StartAsync(app);
        var account = await session.CreateAsync();
        var id = account.GetProperty("id").GetString()!;
        var number = account.GetProperty("accountNumber").GetString()!;
        await using var other = new TestingAppFactory(app.StorageConnectionString, app.TablePrefix, builder => builder
            .UseSetting("Deposits:LocalWorkerEnabled", "false")
            .UseSetting("Deposits:OutboxSweeperEnabled", "false"));
        await other.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);

        var first = await DepositAsync(session, "before-block", number, "1.00"); // looked up and kept here
        var blocked = await JsonHttp.SendAsync(other.CreateClient(), session.Request(HttpMethod.Patch, $"{InternalSession.Route}/{id}", new { status = "BLOCKED" }));
        var refused = await DepositAsync(session, "while-blocked", number, "5.00");
        var unblocked = await JsonHttp.SendAsync(other.CreateClient(), session.Request(HttpMethod.Patch, $"{InternalSession.Route}/{id}", new { status = "ACTIVE" }));
        var applied = await DepositAsync(session, "after-unblock", number, "2.00");

        Assert.Equal("APPLIED", first.GetProperty("status").GetString());
        Assert.Equal((200, "BLOCKED"), (blocked.Status, blocked.Body.GetProperty("status").GetString()));
        Assert.Equal("REJECTED", refused.GetProperty("status").GetString());
        Assert.Contains("BLOCKED", refused.GetProperty("reason").GetString());
        Assert.Equal((200, "ACTIVE"), (unblocked.Status, unblocked.Body.GetProperty("status").GetString()));
        Assert.Equal("APPLIED", applied.GetProperty("status").GetString());
        Assert.Equal("3.00", (await session.GetAsync(id)).GetProperty("balance").GetString());
    }

    private async Task<JsonElement> DepositAsync(InternalSession session, string reference, string number, string amount)
    {
        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant,
            DepositWebhook.Event("settled", reference, number, amount, "PKR"));
        Assert.True(status == 202, $"{status} {body}");
        return Assert.Single(await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, reference));
    }
}
