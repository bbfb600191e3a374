using Accounts.Core.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage;
using Accounts.Functions.Deposits;
using Accounts.Storage.Deposits;
using Accounts.Storage.Queues;
using Accounts.Storage.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// What one deposit costs in storage requests, counted between the app and Azurite: a settled deposit into a known
/// account, from the webhook until its outcome is recorded (and its queue message deleted, when it went through the
/// queue).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DepositCostTests(AppFixture app, ITestOutputHelper output)
{
    private const int Deposits = 5;

    [Fact]
    public async Task A_deposit_into_a_known_account_costs_no_index_read_no_query_one_record_write_and_no_second_outbox_delete()
    {
        await using var run = await CountedApp.StartAsync(app, builder => builder
            .UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:MaxIdlePoll", "00:00:02"));
        var (prefix, proxy, factory) = (run.Prefix, run.Proxy, run.Factory);
        var client = factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);
        var direct = new Direct(app.StorageConnectionString, prefix, tenant.Id);
        await DepositAsync(client, tenant, account, direct, "cost-warm-up"); // the account's first lookup

        proxy.Reset();
        for (var i = 1; i <= Deposits; i++)
        {
            await DepositAsync(client, tenant, account, direct, $"cost-{i}");
        }

        var counts = proxy.Counts;
        output.WriteLine(string.Join(Environment.NewLine, counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {(double)c.Value / Deposits:0.##} per deposit")));

        // The number's account id is remembered, and so is the account (opened here): while its tenant's change mark,
        // read once per deposit, is unchanged, the account is not read again.
        Assert.Equal(0, proxy.Sum("table AccountIndex"));
        Assert.Equal(0, proxy.Sum("table Accounts GET"));
        Assert.Equal(Deposits, proxy.Sum("table AccountChanges GET"));
        // The book is remembered from the account's opening and the earlier deposits on this instance, and a new
        // reference's steps need no read (its group marker goes in with the commit): no ledger read at all.
        Assert.Equal(0, proxy.Sum("table Ledger query"));
        Assert.Equal(0, proxy.Sum("table Ledger GET"));
        // The record: inserted by the webhook, its outcome written once by whoever applied it, never read back.
        Assert.Equal(2 * Deposits, proxy.Sum("table Deposits"));
        Assert.Equal(0, proxy.Sum("table Deposits GET"));
        // The outbox row: written and removed by the webhook; applying the event does not remove it again.
        Assert.Equal(2 * Deposits, proxy.Sum("table DepositOutbox"));
        // Applied on receipt by this process: no queue send, and so no delete.
        Assert.Equal(0, proxy.Sum("queue deposits/messages POST"));
        Assert.Equal(0, proxy.Sum("queue deposits/messages DELETE"));
    }

    [Fact]
    public async Task A_deposit_into_a_book_this_instance_has_not_seen_reads_the_head_the_seal_and_its_marker_but_none_of_its_steps()
    {
        await using var run = await CountedApp.StartAsync(app, builder => builder
            .UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:MaxIdlePoll", "00:00:02"));
        var (prefix, proxy) = (run.Prefix, run.Proxy);
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);

        // The account is opened by another instance, which applies no deposits.
        await using var opener = await run.StartOtherInstanceAsync(builder => builder
            .UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:LocalWorkerEnabled", "false"));
        var account = await ZoqqAccount.OpenAsync(opener.CreateClient(), tenant);
        var client = run.Factory.CreateClient();
        var direct = new Direct(app.StorageConnectionString, prefix, tenant.Id);

        proxy.Reset();
        await DepositAsync(client, tenant, account, direct, "unseen-1");
        Assert.Equal(3, proxy.Sum("table Ledger GET")); // the head, the account's seal and the reference's marker
        Assert.Equal(0, proxy.Sum("table Ledger query"));

        proxy.Reset();
        await DepositAsync(client, tenant, account, direct, "unseen-2");
        Assert.Equal(0, proxy.Sum("table Ledger GET")); // now remembered

        Assert.Equal(2.00m, await account.BalanceAsync());
    }

    [Fact]
    public async Task Deposits_into_one_account_applied_together_share_their_account_reads()
    {
        const int concurrent = 24;
        await using var run = await CountedApp.StartAsync(app, builder => builder
            .UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:LocalWorkerEnabled", "false"));
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);
        var client = run.Factory.CreateClient();
        var account = await ZoqqAccount.OpenAsync(client, tenant);
        var answers = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(i =>
            DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", $"shared-{i}", account.Number, "1.00"))));
        Assert.All(answers, a => Assert.Equal(202, a.Status));

        // Queued while no worker ran; the worker of another instance then finds them all waiting at once.
        run.Proxy.Reset();
        await using var worker = await run.StartOtherInstanceAsync(builder => builder.UseSetting("Deposits:OutboxSweeperEnabled", "false"));
        var direct = new Direct(app.StorageConnectionString, run.Prefix, tenant.Id);
        for (var i = 0; i < concurrent; i++)
        {
            await Eventually.ValueAsync(() => direct.StatusAsync($"shared-{i}"), s => s == DepositStatus.Applied, $"deposit shared-{i} was applied");
        }

        Assert.Equal(concurrent * 1.00m, await account.BalanceAsync());
        Assert.InRange(run.Proxy.Sum("table Accounts GET"), 1, concurrent / 3);
    }

    [Fact]
    public async Task Records_and_outbox_rows_of_webhooks_arriving_together_are_written_in_shared_transactions()
    {
        const int concurrent = 16;
        await using var run = await CountedApp.StartAsync(app, builder => builder
            .UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:LocalWorkerEnabled", "false")
            .UseSetting("Deposits:QueueMessageEvents", "32"));
        var (prefix, proxy, factory) = (run.Prefix, run.Proxy, run.Factory);
        var client = factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);
        proxy.Reset();

        var answers = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(i =>
            DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", $"together-{i}", account.Number, "1.00"))));

        Assert.All(answers, a => Assert.Equal(202, a.Status));
        var direct = new Direct(app.StorageConnectionString, prefix, tenant.Id);

        // The answer waits for the record, not for the queue send: each event is queued, and its outbox row removed, soon after.
        await Eventually.ValueAsync(direct.OutboxAsync, rows => rows.Count == 0, "every event was queued and its outbox row removed");

        // Sends that wait while one is in flight share the next message: fewer queue sends than webhooks.
        var sends = proxy.Sum("queue deposits/messages POST");
        Assert.InRange(sends, 1, concurrent - 1);
        // One by one: 2 outbox writes and a record insert per webhook. Grouped, fewer requests carry them, part of them as
        // transactions.
        Assert.InRange(proxy.Sum("table DepositOutbox"), 0, 2 * concurrent - 2);
        Assert.InRange(proxy.Sum("table Deposits POST"), 0, concurrent - 1);
        Assert.InRange(proxy.Sum("table $batch POST"), 1, 2 * concurrent);

        for (var i = 0; i < concurrent; i++)
        {
            Assert.Equal(DepositStatus.Received, await direct.StatusAsync($"together-{i}"));
        }

        Assert.Equal(sends, await direct.QueuedAsync());
        Assert.Equal(Enumerable.Range(0, concurrent).Select(i => $"together-{i}").Order(), (await direct.QueuedReferencesAsync()).Order());
    }

    private static async Task DepositAsync(HttpClient client, Core.Tenancy.TenantRegistration tenant, ZoqqAccount account, Direct direct,
        string reference)
    {
        var (status, body) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", reference, account.Number, "1.00"));
        Assert.True(status == 202, $"deposit {reference}: {status} {body}");
        await Eventually.ValueAsync(() => direct.StatusAsync(reference), s => s == DepositStatus.Applied, $"deposit {reference} was applied");
        await Eventually.ValueAsync(() => direct.QueuedAsync(), n => n == 0, $"deposit {reference}'s message was deleted");
    }

    /// <summary>Reads Azurite directly, past the proxy, so waiting adds nothing to the counts.</summary>
    private sealed class Direct(string connectionString, string prefix, string tenantId)
    {
        private static StorageTables Tables(string connectionString, string prefix) =>
            new(new TableStorageOptions { ConnectionString = connectionString, TablePrefix = prefix });

        private readonly TableDepositRecordStore _records = new(Tables(connectionString, prefix));

        private readonly TableDepositOutbox _outbox = new(Tables(connectionString, prefix));

        private readonly QueueClient _queue = new(connectionString, DepositQueue.QueueName(prefix));

        public async Task<DepositStatus?> StatusAsync(string reference) =>
            (await _records.GetAsync(tenantId, reference, DepositEventType.Settled, CancellationToken.None))?.Status;

        public async Task<int> QueuedAsync() => (await _queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

        /// <summary>The references of the events the queued messages carry (up to 32 messages), one per event.</summary>
        public async Task<IEnumerable<string>> QueuedReferencesAsync()
        {
            var peeked = await new QueueClient(connectionString, _queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 })
                .PeekMessagesAsync(32);
            return peeked.Value.SelectMany(m => DepositQueueBatch.Read(m.Body.ToString())).Select(e => DepositMessage.Parse(e).Reference);
        }

        public Task<IReadOnlyList<DepositOutboxEntry>> OutboxAsync() => _outbox.DueAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None);
    }
}
