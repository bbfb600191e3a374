using System.Text.Json;
using Accounts.Core.Deposits;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage.Queues;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The stored record is the outbox: a failure between storing an accepted deposit and queueing it loses nothing. The
/// sweeper queues it again after the grace period, and a deposit queued twice is applied once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DepositOutboxTests(AppFixture app)
{
    private const string Grace = "00:00:01";

    [Fact]
    public async Task A_failed_queue_send_still_answers_202_and_the_sweeper_queues_the_deposit_which_is_applied_once()
    {
        var logs = new CapturedLogs();
        await using var factory = Standalone(AzuriteFixture.NewTablePrefix(), worker: true, logs);
        var sender = await StartAsync(factory);
        var client = factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);
        sender.Mode = FlakySender.Failure.BeforeSend;

        var (status, accepted) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "outbox-1", account.Number, "12.34"));

        Assert.Equal(202, status);
        Assert.Equal("RECEIVED", (await RecordsAsync(client, tenant, "outbox-1")).Single().GetProperty("status").GetString());
        Assert.Equal(0, await factory.Services.GetRequiredService<DepositQueue>().CountAsync(CancellationToken.None));
        Assert.Contains(await DueRowsAsync(factory), r => r.TenantId == tenant.Id && r.Reference == "outbox-1");

        sender.Mode = FlakySender.Failure.None;
        var processed = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, "outbox-1"));

        Assert.Equal("APPLIED", processed.GetProperty("status").GetString());
        Assert.Equal(12.34m, await account.BalanceAsync());
        Assert.Equal(1, await account.TransactionCountAsync());
        var eventId = accepted.GetProperty("event_id").GetString()!;
        Assert.Contains(logs.Warnings, w => w.Contains(eventId) && w.Contains("queueing failed"));
        Assert.Contains(logs.Warnings, w => w.Contains(eventId) && w.Contains("queueing it again"));
        // The sweeper removes the row once its send completed, which the worker's processing may overtake.
        await Until(async () => !(await DueRowsAsync(factory)).Any(r => r.TenantId == tenant.Id), "the sweeper removed the row it queued");
    }

    [Fact]
    public async Task A_deposit_queued_by_the_webhook_and_again_by_the_sweeper_is_applied_exactly_once()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        TenantRegistration tenant;
        ZoqqAccount account;
        await using (var intake = Standalone(prefix, worker: false, new CapturedLogs()))
        {
            var sender = await StartAsync(intake);
            var client = intake.CreateClient();
            tenant = await TestTenants.RegisterAsync(intake.Services);
            account = await ZoqqAccount.OpenAsync(client, tenant);
            sender.Mode = FlakySender.Failure.AfterSend; // queued, but the webhook is told it failed: the row stays

            var (status, _) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "outbox-twice", account.Number, "20.00"));
            sender.Mode = FlakySender.Failure.None;

            Assert.Equal(202, status);
            var queue = intake.Services.GetRequiredService<DepositQueue>();
            await Until(async () => await queue.CountAsync(CancellationToken.None) == 2, "the sweeper queued the deposit a second time");
            // Queued for sure, so the row goes: the sweeper removes it once its send completed, just after the count shows it.
            await Until(async () => !(await DueRowsAsync(intake)).Any(r => r.TenantId == tenant.Id), "the sweeper removed the row it queued");
        }

        await using var worker = Standalone(prefix, worker: true, new CapturedLogs());
        await StartAsync(worker);
        var workerClient = worker.CreateClient();
        var drained = worker.Services.GetRequiredService<DepositQueue>();
        await Until(async () => await drained.CountAsync(CancellationToken.None) == 0, "both messages were processed");
        var processed = Assert.Single(await DepositWebhook.WaitProcessedAsync(workerClient, tenant, "outbox-twice"));
        var seen = await account.OnAsync(workerClient);

        Assert.Equal("APPLIED", processed.GetProperty("status").GetString());
        Assert.Equal(20.00m, await seen.BalanceAsync());
        Assert.Equal(1, await seen.TransactionCountAsync());
    }

    private TestingAppFactory Standalone(string prefix, bool worker, CapturedLogs logs) =>
        new(app.StorageConnectionString, prefix, builder => builder
            .UseSetting("Deposits:LocalWorkerEnabled", worker ? "true" : "false")
            .UseSetting("Deposits:OutboxGracePeriod", Grace)
            .UseSetting("Deposits:OutboxSweepInterval", "00:00:00.250")
            .ConfigureTestServices(services =>
            {
                services.AddSingleton(sp => new FlakySender(ActivatorUtilities.CreateInstance<LocalQueueSender>(sp)));
                services.AddSingleton<IDepositSender>(sp => sp.GetRequiredService<FlakySender>());
                services.AddSingleton<ILoggerProvider>(logs);
            }));

    private static async Task<FlakySender> StartAsync(TestingAppFactory factory)
    {
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        return factory.Services.GetRequiredService<FlakySender>();
    }

    private static async Task<IReadOnlyList<DepositOutboxEntry>> DueRowsAsync(TestingAppFactory factory) =>
        await factory.Services.GetRequiredService<IDepositOutbox>().DueAsync(DateTimeOffset.UtcNow.AddDays(1), 1000, CancellationToken.None);

    private static async Task<JsonElement[]> RecordsAsync(HttpClient client, TenantRegistration tenant, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/webhooks/deposits/{reference}");
        request.Headers.Add("x-api-key", tenant.ApiKey);
        var (status, body) = await DepositWebhook.ReadAsync(await client.SendAsync(request));
        Assert.True(status == 200, $"{status} {body}");
        return body.GetProperty("events").EnumerateArray().ToArray();
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting until {what}");
            }

            await Task.Delay(100);
        }
    }
}
