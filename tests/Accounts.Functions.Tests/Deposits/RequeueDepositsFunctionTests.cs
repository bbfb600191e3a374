using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Hosting;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Nuban;
using Accounts.TestSupport;
using Accounts.Storage.Tables;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Hosting;
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

    [Fact]
    public async Task Deposits_whose_sends_failed_while_sharing_outbox_rows_are_each_sent_once_by_the_timer_and_applied_once()
    {
        const int deposits = 6;
        await using var factory = Start(builder => builder.UseSetting("Deposits:OutboxRowEvents", "8"));
        var (client, sender) = await ReadyAsync(factory);
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);

        sender.FailWith = Unreachable;
        var answers = await Task.WhenAll(Enumerable.Range(0, deposits).Select(i =>
            DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", $"shared-lost-{i}", account.Number, "1.25"))));
        sender.FailWith = null;
        var rows = await OutboxRowsAsync(factory);
        Assert.InRange(rows, 1, deposits); // shared or not, as the webhooks happened to overlap
        _clock.Advance(TimeSpan.FromSeconds(31));
        var swept = await TimerAsync(client);
        var again = await TimerAsync(client);

        Assert.All(answers, a => Assert.Equal(202, a.Status));
        Assert.Equal((deposits, 0), (Requeued(swept), Requeued(again))); // every event sent; the rows removed with their last event
        var sent = Enumerable.Range(0, deposits).Select(i => Assert.Single(sender.For($"shared-lost-{i}"))).ToList();
        var applied = await HostAnswer.InvokeAsync(client, ApplyDepositFunction.Name,
            HostPayloads.ServiceBusBatch(ApplyDepositFunction.Name, sent.Select(m => HostMessage.Received(m)).ToList()));

        Assert.All(Enumerable.Range(0, deposits), i => Assert.Equal("Applied", applied.ReturnValue[i].GetProperty("status").GetString()));
        Assert.Equal(deposits * 1.25m, await account.BalanceAsync());
        Assert.Equal(deposits, await account.TransactionCountAsync());
    }

    private TestingAppFactory Start(Action<IWebHostBuilder>? configure = null) =>
        new(app.StorageConnectionString, AzuriteFixture.NewTablePrefix(),
            builder =>
            {
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
                configure?.Invoke(builder);
            },
            underFunctionsHost: true);

    private static async Task<(HttpClient Client, RecordingServiceBusSender Sender)> ReadyAsync(TestingAppFactory factory)
    {
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        return (factory.CreateClient(), (RecordingServiceBusSender)factory.Services.GetRequiredService<ServiceBusSender>());
    }

    private static async Task<int> OutboxRowsAsync(TestingAppFactory factory)
    {
        var rows = 0;
        await foreach (var _ in factory.Services.GetRequiredService<StorageTables>().DepositOutbox.Client.QueryAsync<TableEntity>())
        {
            rows++;
        }

        return rows;
    }

    private static async Task<HostAnswer> TimerAsync(HttpClient client)
    {
        var answer = await HostAnswer.InvokeAsync(client, RequeueDepositsFunction.Name, HostPayloads.Timer(RequeueDepositsFunction.Name));
        Assert.True(answer.Succeeded, $"{RequeueDepositsFunction.Name}: {answer.Status}");
        return answer;
    }

    private static int Requeued(HostAnswer answer) => answer.ReturnValue.GetProperty("requeued").GetInt32();
}
