using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Hosting;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Nuban;
using Accounts.TestSupport;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Under the Functions host the outbox is swept by the RequeueDeposits timer, which sends overdue events through the same
/// Service Bus sender as the webhook (same MessageId and SessionId) and removes each row once its send is confirmed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RequeueDepositsFunctionTests(AppFixture app)
{
    private static readonly ServiceBusException Unreachable = new("injected: namespace unreachable", ServiceBusFailureReason.ServiceCommunicationProblem);
    private readonly ShiftedClock _clock = new();

    [Fact]
    public async Task A_deposit_whose_send_failed_is_sent_by_the_timer_once_and_applied_once()
    {
        await using var factory = Start();
        var (client, sender) = await ReadyAsync(factory);
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);

        sender.FailWith = Unreachable;
        var (status, accepted) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "host-lost", account.Number, "8.25"));
        sender.FailWith = null;
        var early = await TimerAsync(client);
        _clock.Advance(TimeSpan.FromSeconds(31));
        var swept = await TimerAsync(client);
        var again = await TimerAsync(client);

        Assert.Equal(202, status);
        Assert.Equal((0, 1, 0), (Requeued(early), Requeued(swept), Requeued(again))); // not due yet; sent; confirmed, so removed
        var sent = Assert.Single(sender.For("host-lost"));
        Assert.Equal((accepted.GetProperty("event_id").GetString(), account.Number), (sent.MessageId, sent.SessionId));

        var applied = await HostAnswer.InvokeAsync(client, ApplyDepositFunction.Name,
            HostPayloads.ServiceBusBatch(ApplyDepositFunction.Name, [HostMessage.Received(sent)]));

        Assert.Equal("Applied", applied.ReturnValue[0].GetProperty("status").GetString());
        Assert.Equal(8.25m, await account.BalanceAsync());
        Assert.Equal(1, await account.TransactionCountAsync());
    }

    [Fact]
    public async Task A_sweep_whose_send_fails_fails_the_invocation_and_leaves_the_row_for_the_next_run()
    {
        await using var factory = Start();
        var (client, sender) = await ReadyAsync(factory);
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);

        sender.FailWith = Unreachable;
        await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "host-down", account.Number, "1.50"));
        _clock.Advance(TimeSpan.FromSeconds(31));
        var failed = await HostAnswer.InvokeAsync(client, RequeueDepositsFunction.Name, HostPayloads.Timer(RequeueDepositsFunction.Name));
        sender.FailWith = null;
        var next = await TimerAsync(client);

        Assert.Equal(500, failed.Status);
        Assert.Equal(1, Requeued(next));
        Assert.Single(sender.For("host-down"));
    }

    private TestingAppFactory Start() =>
        new(app.StorageConnectionString, AzuriteFixture.NewTablePrefix(),
            builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)), underFunctionsHost: true);

    private static async Task<(HttpClient Client, RecordingServiceBusSender Sender)> ReadyAsync(TestingAppFactory factory)
    {
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        return (factory.CreateClient(), (RecordingServiceBusSender)factory.Services.GetRequiredService<ServiceBusSender>());
    }

    private static async Task<HostAnswer> TimerAsync(HttpClient client)
    {
        var answer = await HostAnswer.InvokeAsync(client, RequeueDepositsFunction.Name, HostPayloads.Timer(RequeueDepositsFunction.Name));
        Assert.True(answer.Succeeded, $"{RequeueDepositsFunction.Name}: {answer.Status}");
        return answer;
    }

    private static int Requeued(HostAnswer answer) => answer.ReturnValue.GetProperty("requeued").GetInt32();
}
