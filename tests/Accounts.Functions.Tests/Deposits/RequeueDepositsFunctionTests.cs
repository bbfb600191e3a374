using System.Globalization;
using System.Text;
using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Hosting;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Nuban;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Under the Functions host the outbox is swept by the RequeueDeposits timer, which returns overdue events as its
/// Service Bus output binding; their rows stay (postponed) until ApplyDeposit processes them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RequeueDepositsFunctionTests(AppFixture app)
{
    private readonly ShiftedClock _clock = new();

    [Fact]
    public async Task A_deposit_whose_output_message_was_lost_is_returned_by_the_timer_and_applied_once()
    {
        await using var factory = new TestingAppFactory(app.StorageConnectionString, AzuriteFixture.NewTablePrefix(), builder => builder
            .UseSetting(ListenAddress.CustomHandlerPortKey, "7071")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var client = factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);

        // The host runs ReceiveDeposit; suppose the message in its output binding never reaches Service Bus.
        var received = await InvokeAsync(client, "ReceiveDeposit", ReceiveInvocation(tenant, DepositWebhook.Event("settled", "host-lost", account.Number, "8.25")));
        var lost = received.GetProperty("Outputs").GetProperty(DepositWebhookApi.OutputBinding).GetString()!;
        var early = await InvokeAsync(client, RequeueDepositsFunction.Name, TimerInvocation());
        _clock.Advance(TimeSpan.FromSeconds(31));
        var swept = await InvokeAsync(client, RequeueDepositsFunction.Name, TimerInvocation());
        var again = await InvokeAsync(client, RequeueDepositsFunction.Name, TimerInvocation());

        Assert.Equal(202, received.GetProperty("Outputs").GetProperty("res").GetProperty("statusCode").GetInt32());
        Assert.False(early.GetProperty("Outputs").TryGetProperty(DepositWebhookApi.OutputBinding, out _)); // not due yet
        var requeued = Assert.Single(swept.GetProperty("Outputs").GetProperty(DepositWebhookApi.OutputBinding).EnumerateArray()).GetString()!;
        Assert.Equal(lost, requeued);
        Assert.False(again.GetProperty("Outputs").TryGetProperty(DepositWebhookApi.OutputBinding, out _)); // postponed, not repeated

        // Both copies arrive after all: the first is applied, the second replays it.
        var first = await InvokeAsync(client, ApplyDepositFunction.Name, ApplyInvocation(requeued));
        var second = await InvokeAsync(client, ApplyDepositFunction.Name, ApplyInvocation(lost));
        _clock.Advance(TimeSpan.FromMinutes(10));
        var afterwards = await InvokeAsync(client, RequeueDepositsFunction.Name, TimerInvocation());

        Assert.Equal("Applied", first.GetProperty("ReturnValue").GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("ReturnValue").GetProperty("entry_id").GetString(),
            second.GetProperty("ReturnValue").GetProperty("entry_id").GetString());
        Assert.False(afterwards.GetProperty("Outputs").TryGetProperty(DepositWebhookApi.OutputBinding, out _)); // processed: row removed
        Assert.Equal(8.25m, await account.BalanceAsync());
        Assert.Equal(1, await account.TransactionCountAsync());
    }

    private object ReceiveInvocation(TenantRegistration tenant, object body)
    {
        var json = JsonSerializer.Serialize(body);
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string[]>
        {
            ["x-api-key"] = [tenant.ApiKey],
            ["x-timestamp"] = [timestamp],
            ["x-signature"] = [WebhookSignature.Sign(tenant.WebhookSecret, timestamp, json)],
            ["Content-Type"] = ["application/json"],
        };
        return new
        {
            Data = new { req = new { Url = "https://accounts.example/webhooks/deposits", Method = "POST", Headers = headers, Body = json } },
            Metadata = new Dictionary<string, object>(),
        };
    }

    private static object TimerInvocation() => new
    {
        Data = new { timer = new { Schedule = new { AdjustForDST = true }, IsPastDue = false } },
        Metadata = new Dictionary<string, object>(),
    };

    private static object ApplyInvocation(string message) => new
    {
        Data = new Dictionary<string, object> { ["message"] = JsonDocument.Parse(message).RootElement },
        Metadata = new Dictionary<string, object> { ["DeliveryCount"] = "1" },
    };

    private static async Task<JsonElement> InvokeAsync(HttpClient client, string function, object payload)
    {
        using var content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");
        var (status, body) = await DepositWebhook.ReadAsync(await client.PostAsync("/" + function, content));
        Assert.True(status == 200, $"{function}: {status} {body}");
        return body;
    }
}
