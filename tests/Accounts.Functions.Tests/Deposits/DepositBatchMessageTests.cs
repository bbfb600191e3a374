using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Money;
using Accounts.Functions.Api;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage;
using Accounts.Storage.Accounts;
using Accounts.Storage.Deposits;
using Accounts.Storage.Queues;
using Accounts.Storage.Tables;
using Accounts.TestSupport;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Standalone deposit queue messages carrying several events: webhooks that wait for a send share one message and each
/// event is applied once; a message with one failing event applies the others once and ends in the poison queue with
/// the failing event dead-lettered; a message in the format queued before batches is applied; and each reference's
/// events apply in order inside a message and across messages.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DepositBatchMessageTests(AppFixture app)
{
    private const string QueueSend = "queue deposits/messages POST";

    [Fact]
    public async Task By_default_every_event_is_its_own_message_in_the_format_every_version_reads()
    {
        const int deposits = 16;
        await using var run = await CountedApp.StartAsync(app, builder => builder.UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:LocalWorkerEnabled", "false"));
        var client = run.Factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);
        var queue = run.Factory.Services.GetRequiredService<DepositQueue>();

        var answers = await Task.WhenAll(Enumerable.Range(0, deposits).Select(i =>
            DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", $"single-{i}", account.Number, "1.00"))));

        Assert.All(answers, a => Assert.Equal(202, a.Status));
        await Eventually.ValueAsync(() => queue.CountAsync(CancellationToken.None), n => n == deposits, "every event was queued");
        Assert.Equal(deposits, run.Proxy.Sum(QueueSend));
    }

    [Fact]
    public async Task Webhooks_waiting_while_a_send_is_in_flight_share_queue_messages_and_each_event_is_applied_once()
    {
        const int deposits = 24;
        await using var run = await CountedApp.StartAsync(app, builder => builder.UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:QueueMessageEvents", "32").UseSetting("Deposits:ApplyOnReceipt", "false"));
        var client = run.Factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);
        var accounts = new[]
        {
            await ZoqqAccount.OpenAsync(client, tenant), await ZoqqAccount.OpenAsync(client, tenant), await ZoqqAccount.OpenAsync(client, tenant),
        };
        var records = new TableDepositRecordStore(Tables(run.Prefix));
        var queue = new QueueClient(app.StorageConnectionString, DepositQueue.QueueName(run.Prefix));
        run.Proxy.Reset();

        // The first send is held in flight until every event is recorded: the webhooks' sends then wait behind it.
        var release = new TaskCompletionSource();
        run.Proxy.HoldNext(QueueSend, release.Task);
        var webhooks = Task.WhenAll(Enumerable.Range(1, deposits).Select(i => DepositWebhook.SendAsync(client, tenant,
            DepositWebhook.Event("settled", $"shared-{i}", accounts[i % 3].Number, $"{i}.00"))));
        await Eventually.ValueAsync(async () => (await Task.WhenAll(Enumerable.Range(1, deposits).Select(i =>
                records.GetAsync(tenant.Id, $"shared-{i}", DepositEventType.Settled, CancellationToken.None)))).Count(r => r is not null),
            n => n == deposits, "every event was recorded");
        release.SetResult();
        var answers = await webhooks;

        Assert.All(answers, a => Assert.Equal(202, a.Status));
        for (var i = 1; i <= deposits; i++)
        {
            var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, $"shared-{i}"));
            Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        }

        // The balance is the user's, over all three accounts; each account's transactions are its own deposits, once.
        Assert.Equal(Enumerable.Range(1, deposits).Sum(i => (decimal)i), await accounts[0].BalanceAsync());
        for (var k = 0; k < accounts.Length; k++)
        {
            var mine = Enumerable.Range(1, deposits).Where(i => i % 3 == k).Select(i => (decimal)i).Order();
            Assert.Equal(mine, (await accounts[k].TransactionsAsync()).Select(t => t.GetProperty("amount").GetDecimal()).Order());
        }

        await Eventually.ValueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount, n => n == 0,
            "every message was deleted");
        var sends = run.Proxy.Sum(QueueSend);
        Assert.InRange(sends, 1, deposits / 4);
        Assert.Equal(sends, run.Proxy.Sum("queue deposits/messages DELETE")); // one delete per message, not per event
    }

    [Fact]
    public async Task A_message_with_one_failing_event_applies_the_others_once_and_ends_in_the_poison_queue_with_that_event_dead_lettered()
    {
        const string poisonNumber = "13579";
        await using var factory = App(AzuriteFixture.NewTablePrefix(), worker: true, builder => builder
            .UseSetting("Deposits:MaxDeliveryCount", "2")
            .ConfigureTestServices(services => services.AddSingleton<IAccountStore>(sp => new AccountLookupFault(
                new TableAccountStore(sp.GetRequiredService<StorageTables>(), TimeProvider.System, RecentReads.Default),
                (_, number, _, real) => number == poisonNumber ? throw new InvalidOperationException("account store poisoned") : real()))));
        var (client, tenant) = await SetUpAsync(factory);
        var first = await ZoqqAccount.OpenAsync(client, tenant);
        var second = await ZoqqAccount.OpenAsync(client, tenant);
        var queue = factory.Services.GetRequiredService<DepositQueue>();

        await queue.SendAsync(DepositQueueBatch.Write([
            Message(tenant.Id, DepositEventType.Settled, "mixed-good-1", first.Number, "4.00"),
            Message(tenant.Id, DepositEventType.Settled, "mixed-bad", poisonNumber, "9.99"),
            Message(tenant.Id, DepositEventType.Settled, "mixed-good-2", second.Number, "6.00"),
        ]), CancellationToken.None);

        var bad = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, "mixed-bad"));
        var poisoned = await Eventually.ValueAsync(() => queue.PeekPoisonAsync(CancellationToken.None), p => p.Count > 0,
            "the message was moved to the poison queue");

        Assert.Equal("DEAD_LETTERED", bad.GetProperty("status").GetString());
        Assert.Equal(2, bad.GetProperty("attempts").GetInt32());
        Assert.Equal(["mixed-good-1", "mixed-bad", "mixed-good-2"],
            DepositQueueBatch.Read(Assert.Single(poisoned)).Select(e => DepositMessage.Parse(e).Reference));
        Assert.Equal(0, await queue.CountAsync(CancellationToken.None));
        Assert.Equal(10.00m, await first.BalanceAsync()); // the user's balance, over both accounts
        foreach (var (reference, account, amount) in new[] { ("mixed-good-1", first, 4.00m), ("mixed-good-2", second, 6.00m) })
        {
            var good = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, reference));
            Assert.Equal("APPLIED", good.GetProperty("status").GetString());
            Assert.Equal(2, good.GetProperty("attempts").GetInt32()); // replayed with the message's second delivery
            Assert.Equal(amount, Assert.Single(await account.TransactionsAsync()).GetProperty("amount").GetDecimal());
        }
    }

    [Fact]
    public async Task A_single_event_message_in_the_format_queued_before_batches_is_applied()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var factory = App(prefix, worker: true);
        var (client, tenant) = await SetUpAsync(factory);
        var account = await ZoqqAccount.OpenAsync(client, tenant);
        var deposit = Event(tenant.Id, DepositEventType.Settled, "old-format-1", account.Number, "12.34");
        var queue = new QueueClient(app.StorageConnectionString, DepositQueue.QueueName(prefix),
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync(DepositMessage.From(deposit).ToJson());
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, "old-format-1"));

        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        Assert.Equal(12.34m, await account.BalanceAsync());
        Assert.Equal(1, await account.TransactionCountAsync());
    }

    [Fact]
    public async Task Pending_then_settled_of_one_reference_apply_in_order_inside_one_message_and_across_messages()
    {
        const int inside = 10;
        const int across = 10;
        var prefix = AzuriteFixture.NewTablePrefix();
        string tenantId;
        ZoqqAccount account;
        Core.Tenancy.TenantRegistration tenant;
        await using (var intake = App(prefix, worker: false))
        {
            HttpClient client;
            (client, tenant) = await SetUpAsync(intake);
            tenantId = tenant.Id;
            account = await ZoqqAccount.OpenAsync(client, tenant);
            var queue = intake.Services.GetRequiredService<DepositQueue>();
            var one = Enumerable.Range(1, inside).SelectMany(i => new[]
                {
                    Message(tenantId, DepositEventType.Pending, $"order-in-{i}", account.Number, $"{i}.00"),
                    Message(tenantId, DepositEventType.Settled, $"order-in-{i}", account.Number, $"{i}.00"),
                })
                .Concat(Enumerable.Range(1, across).Select(i => Message(tenantId, DepositEventType.Pending, $"order-across-{i}", account.Number, $"{10 * i}.00")))
                .ToList();
            var two = Enumerable.Range(1, across).Select(i => Message(tenantId, DepositEventType.Settled, $"order-across-{i}", account.Number, $"{10 * i}.00")).ToList();
            await queue.SendAsync(DepositQueueBatch.Write(one), CancellationToken.None);
            await queue.SendAsync(DepositQueueBatch.Write(two), CancellationToken.None);
        }

        // One worker receives both messages together.
        await using var worker = App(prefix, worker: true);
        await worker.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var seen = worker.CreateClient();
        var references = Enumerable.Range(1, inside).Select(i => $"order-in-{i}").Concat(Enumerable.Range(1, across).Select(i => $"order-across-{i}"));
        foreach (var reference in references)
        {
            var events = await DepositWebhook.WaitProcessedAsync(seen, tenant, reference, events: 2);
            Assert.All(events, e => Assert.Equal("APPLIED", e.GetProperty("status").GetString())); // a late pending would be IGNORED
        }

        var shown = await account.OnAsync(seen);
        var transactions = await shown.TransactionsAsync();
        Assert.Equal(inside + across, transactions.Length);
        Assert.All(transactions, t => Assert.Equal("SETTLED", t.GetProperty("status").GetString()));
        Assert.Equal(Enumerable.Range(1, inside).Sum(i => (decimal)i) + Enumerable.Range(1, across).Sum(i => 10m * i), await shown.BalanceAsync());
    }

    [Fact]
    public async Task The_health_check_counts_queue_messages_and_says_they_carry_several_events()
    {
        await using var factory = App(AzuriteFixture.NewTablePrefix(), worker: false);
        var (client, tenant) = await SetUpAsync(factory);
        await factory.Services.GetRequiredService<DepositQueue>().SendAsync(DepositQueueBatch.Write([
            Message(tenant.Id, DepositEventType.Settled, "health-1", "1234567890", "1.00"),
            Message(tenant.Id, DepositEventType.Settled, "health-2", "1234567890", "2.00"),
            Message(tenant.Id, DepositEventType.Settled, "health-3", "1234567890", "3.00"),
        ]), CancellationToken.None);

        var (status, body) = await JsonHttp.ReadAsync(await client.GetAsync("/healthz"));

        Assert.Equal(200, status);
        Assert.Equal($"1 queue message(s) waiting, each carrying 1 to {DepositQueueBatch.MaxEvents} deposit events",
            body.GetProperty("checks").GetProperty("queue").GetProperty("detail").GetString());
    }

    private static string Message(string tenantId, DepositEventType type, string reference, string accountNumber, string amount) =>
        new DepositMessageFormat().Write(Event(tenantId, type, reference, accountNumber, amount));

    private static DepositEvent Event(string tenantId, DepositEventType type, string reference, string accountNumber, string amount) =>
        new(tenantId, type, reference, accountNumber, Money.Parse(amount, Currency.Parse("SGD", "currency"), "amount"),
            new DepositSender("Jane Payer", "0011223344", "DBS"), $"{type} {reference}", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    private StorageTables Tables(string prefix) =>
        new(new TableStorageOptions { ConnectionString = app.StorageConnectionString, TablePrefix = prefix });

    private TestingAppFactory App(string prefix, bool worker, Action<IWebHostBuilder>? configure = null) =>
        new(app.StorageConnectionString, prefix, builder =>
        {
            builder.UseSetting("Deposits:LocalWorkerEnabled", worker ? "true" : "false").UseSetting("Deposits:MaxIdlePoll", "00:00:01")
                .UseSetting("Deposits:QueueMessageEvents", "32").UseSetting("Deposits:ApplyOnReceipt", "false");
            configure?.Invoke(builder);
        });

    private static async Task<(HttpClient Client, Core.Tenancy.TenantRegistration Tenant)> SetUpAsync(TestingAppFactory factory)
    {
        await factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        return (factory.CreateClient(), await TestTenants.RegisterAsync(factory.Services));
    }
}
