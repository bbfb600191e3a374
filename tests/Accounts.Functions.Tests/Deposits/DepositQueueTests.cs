using System.Diagnostics;
using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Functions.Api;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage;
using Accounts.Storage.Accounts;
using Accounts.Storage.Ledger;
using Accounts.Storage.Queues;
using Accounts.TestSupport;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Standalone deposits on Azurite's queue service: a crashed worker's message comes back after its visibility timeout
/// and is applied once, a batch for one account is committed together, any text survives the queue, and a message
/// the worker cannot decode goes to the poison queue without stopping the others.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DepositQueueTests(AppFixture app)
{
    [Fact]
    public async Task A_message_held_by_a_worker_that_dies_reappears_after_its_visibility_timeout_and_is_applied_once()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var hanging = new HangingLookups();
        TenantSetup setup;
        await using (var first = App(prefix, worker: true, services =>
            services.AddSingleton<IAccountStore>(sp => hanging.Wrap(ActivatorUtilities.CreateInstance<TableAccountStore>(sp)))))
        {
            setup = await SetUpAsync(first);
            hanging.Arm(setup.Account.Number);
            var (status, _) = await DepositWebhook.SendAsync(setup.Client, setup.Tenant,
                DepositWebhook.Event("settled", "vis-1", setup.Account.Number, "31.25"));
            Assert.Equal(202, status);

            await hanging.Entered.WaitAsync(TimeSpan.FromSeconds(30)); // the worker holds the message, invisible to others
        } // the worker stops in the middle of applying it: nothing deletes or releases the message

        await using var second = App(prefix, worker: true);
        await second.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var client = second.CreateClient();
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, setup.Tenant, "vis-1"));
        var account = await setup.Account.OnAsync(client);

        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        Assert.Equal(2, record.GetProperty("attempts").GetInt32()); // the queue's dequeue count: delivered a second time
        Assert.Equal(31.25m, await account.BalanceAsync());
        Assert.Equal(1, await account.TransactionCountAsync());
        var queue = second.Services.GetRequiredService<DepositQueue>();
        await Eventually.ValueAsync(() => queue.CountAsync(CancellationToken.None), n => n == 0, "the message was deleted");
    }

    [Fact]
    public async Task Deposits_to_one_account_received_in_one_batch_are_committed_together()
    {
        const int deposits = 24;
        var prefix = AzuriteFixture.NewTablePrefix();
        TenantSetup setup;
        await using (var intake = App(prefix, worker: false))
        {
            setup = await SetUpAsync(intake);
            for (var i = 1; i <= deposits; i++)
            {
                var (status, _) = await DepositWebhook.SendAsync(setup.Client, setup.Tenant,
                    DepositWebhook.Event("settled", $"batch-{i}", setup.Account.Number, $"{i}.00"));
                Assert.Equal(202, status);
            }

            // The answers do not wait for the queue sends: every event is queued once its outbox row is gone. Sends that
            // waited while one was in flight share a message.
            var outbox = intake.Services.GetRequiredService<IDepositOutbox>();
            await Eventually.ValueAsync(() => outbox.DueAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None), rows => rows.Count == 0,
                "every event was queued");
            Assert.InRange(await intake.Services.GetRequiredService<DepositQueue>().CountAsync(CancellationToken.None), 1, deposits);
        }

        var commits = new CommitCounter();
        await using var worker = App(prefix, worker: true, services =>
            services.AddSingleton<ILedgerStore>(sp => commits.Wrap(ActivatorUtilities.CreateInstance<TableLedgerStore>(sp))));
        await worker.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var client = worker.CreateClient();
        for (var i = 1; i <= deposits; i++)
        {
            var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, setup.Tenant, $"batch-{i}"));
            Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        }

        var account = await setup.Account.OnAsync(client);
        Assert.Equal(Enumerable.Range(1, deposits).Sum(i => (decimal)i), await account.BalanceAsync());
        Assert.Equal(deposits, await account.TransactionCountAsync());
        // One commit per deposit would be 24; applied together, the batch needs a few.
        Assert.InRange(commits.Successful, 1, deposits / 2);
    }

    [Fact]
    public async Task A_message_stuck_in_processing_does_not_hold_up_messages_queued_after_it()
    {
        var hanging = new HangingLookups();
        await using var factory = App(AzuriteFixture.NewTablePrefix(), worker: true, services =>
            services.AddSingleton<IAccountStore>(sp => hanging.Wrap(ActivatorUtilities.CreateInstance<TableAccountStore>(sp))));
        var setup = await SetUpAsync(factory);
        var other = await ZoqqAccount.OpenAsync(setup.Client, setup.Tenant);
        hanging.Arm(setup.Account.Number);
        var (stuck, _) = await DepositWebhook.SendAsync(setup.Client, setup.Tenant, DepositWebhook.Event("settled", "stuck-1", setup.Account.Number, "1.00"));
        await hanging.Entered.WaitAsync(TimeSpan.FromSeconds(30)); // the worker is in the middle of it, for good

        var (status, _) = await DepositWebhook.SendAsync(setup.Client, setup.Tenant, DepositWebhook.Event("settled", "after-1", other.Number, "2.00"));
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(setup.Client, setup.Tenant, "after-1"));

        Assert.Equal((202, 202), (stuck, status));
        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        Assert.Equal(2.00m, await other.BalanceAsync());
    }

    [Fact]
    public async Task A_narration_in_any_script_survives_the_queue()
    {
        const string narration = "Überweisung für Zoë – 東京 💸 \"x\" <b>&amp; 'ok'";
        await using var factory = App(AzuriteFixture.NewTablePrefix(), worker: true);
        var setup = await SetUpAsync(factory);
        var body = JsonSerializer.Serialize(new
        {
            @event = "deposit.settled", reference = "utf-1", account_number = setup.Account.Number, amount = "5.00", currency = "SGD",
            narration, occurred_at = "2025-04-09T10:12:37Z",
        });

        using var request = DepositWebhook.Request(setup.Tenant, body);
        var (status, _) = await DepositWebhook.ReadAsync(await setup.Client.SendAsync(request));
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(setup.Client, setup.Tenant, "utf-1"));

        Assert.Equal(202, status);
        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        var transaction = Assert.Single(await setup.Account.TransactionsAsync());
        Assert.Equal(narration, transaction.GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_idle_worker_is_woken_by_the_webhook_and_applies_the_deposit_well_under_a_second_after_the_answer()
    {
        // Polls back off to 30 s here, so only the in-process wake-up can apply the deposit this soon.
        await using var factory = App(AzuriteFixture.NewTablePrefix(), worker: true, maxIdlePoll: "00:00:30");
        var setup = await SetUpAsync(factory);
        // Idle: the polls back off (0.1, 0.2, 0.4 ... s apart), so they come at about 6.3 and 12.7 s after start and the
        // next one is seconds away when the deposit arrives.
        await Task.Delay(TimeSpan.FromSeconds(7));

        var (status, _) = await DepositWebhook.SendAsync(setup.Client, setup.Tenant,
            DepositWebhook.Event("settled", "fast-1", setup.Account.Number, "3.00"));
        var answered = Stopwatch.StartNew();
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(setup.Client, setup.Tenant, "fast-1"));
        var latency = answered.Elapsed;

        Assert.Equal(202, status);
        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        Assert.True(latency < TimeSpan.FromSeconds(1), $"applied {latency.TotalMilliseconds:0} ms after the webhook answered");
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue_and_the_queue_keeps_moving()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var factory = App(prefix, worker: true);
        var setup = await SetUpAsync(factory);
        var queue = factory.Services.GetRequiredService<DepositQueue>();
        await queue.CountAsync(CancellationToken.None); // creates the queues
        var foreign = new QueueClient(app.StorageConnectionString, DepositQueue.QueueName(prefix));
        await foreign.SendMessageAsync("{not base64: written by another tool}");

        var (status, _) = await DepositWebhook.SendAsync(setup.Client, setup.Tenant,
            DepositWebhook.Event("settled", "after-foreign", setup.Account.Number, "7.00"));
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(setup.Client, setup.Tenant, "after-foreign"));
        var poisoned = await Eventually.ValueAsync(() => queue.PeekPoisonAsync(CancellationToken.None), p => p.Count > 0,
            "the foreign message was moved to the poison queue");

        Assert.Equal(202, status);
        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        Assert.Equal("{not base64: written by another tool}", Assert.Single(poisoned));
        Assert.Equal(0, await queue.CountAsync(CancellationToken.None));
    }

    private TestingAppFactory App(string prefix, bool worker, Action<IServiceCollection>? services = null, string maxIdlePoll = "00:00:02") =>
        new(app.StorageConnectionString, prefix, builder => builder
            .UseSetting("Deposits:LocalWorkerEnabled", worker ? "true" : "false")
            .UseSetting("Deposits:ApplyOnReceipt", "false") // every event through the queue, whose worker these tests are about
            .UseSetting("Deposits:VisibilityTimeout", "00:00:02")
            .UseSetting("Deposits:MaxIdlePoll", maxIdlePoll)
            .ConfigureTestServices(s => services?.Invoke(s)));

    private static async Task<TenantSetup> SetUpAsync(TestingAppFactory factory)
    {
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var client = factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        return new TenantSetup(client, tenant, await ZoqqAccount.OpenAsync(client, tenant));
    }

    private sealed record TenantSetup(HttpClient Client, Core.Tenancy.TenantRegistration Tenant, ZoqqAccount Account);
}
