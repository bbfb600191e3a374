using System.Runtime.CompilerServices;
using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage.Accounts;
using Accounts.Storage.Tables;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Standalone, an accepted event is applied by the process that accepted it (Deposits:ApplyOnReceipt), counted between
/// the app and Azurite: it never touches the queue, unless applying it fails or the process is already applying as many
/// as it may; then it goes through the queue and the worker applies it, once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ApplyOnReceiptTests(AppFixture app)
{
    private const string QueueSends = "queue deposits/messages POST";

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 3)]
    public async Task A_deposit_is_applied_without_the_queue_unless_apply_on_receipt_is_off(bool applyOnReceipt, int queued)
    {
        await using var run = await CountedApp.StartAsync(app, builder => builder
            .UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .UseSetting("Deposits:ApplyOnReceipt", applyOnReceipt ? "true" : "false"));
        var client = run.Factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);

        run.Proxy.Reset();
        for (var i = 1; i <= 3; i++)
        {
            var (status, _) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", $"receipt-{i}", account.Number, "2.50"));
            Assert.Equal(202, status);
            var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, $"receipt-{i}"));
            Assert.Equal("APPLIED", record.GetProperty("status").GetString());
            Assert.Equal(1, record.GetProperty("attempts").GetInt32());
        }

        Assert.Equal(7.50m, await account.BalanceAsync());
        Assert.Equal(queued, run.Proxy.Counts.GetValueOrDefault(QueueSends));
    }

    [Fact]
    public async Task An_event_that_fails_on_receipt_is_queued_and_the_worker_applies_it_once()
    {
        var failures = new StrongBox<int>();
        await using var run = await FirstLookupFailsAsync(failures);
        var client = run.Factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);

        run.Proxy.Reset();
        var (status, _) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "receipt-fails", account.Number, "4.00"));
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, "receipt-fails"));

        Assert.Equal(202, status);
        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        Assert.Equal(1, record.GetProperty("attempts").GetInt32()); // the queue's first delivery; the failed attempt is not one
        Assert.Equal(2, failures.Value);
        Assert.Equal(1, run.Proxy.Counts.GetValueOrDefault(QueueSends));
        Assert.Equal(4.00m, await account.BalanceAsync());
        Assert.Equal(1, await account.TransactionCountAsync());
    }

    [Fact]
    public async Task A_later_event_of_a_reference_with_an_event_in_the_queue_follows_it_there_instead_of_overtaking_it()
    {
        await using var run = await FirstLookupFailsAsync(new StrongBox<int>());
        var client = run.Factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);
        var account = await ZoqqAccount.OpenAsync(client, tenant);
        var receive = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        run.Proxy.HoldNext("queue deposits/messages GET", receive.Task); // the worker takes nothing until released

        // The settlement fails on receipt and goes to the queue; its rejection, arriving next, must not be applied first
        // (a rejection before the settlement would stop the credit).
        var (settled, _) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "ordered-1", account.Number, "5.00"));
        var (rejected, _) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("rejected", "ordered-1", account.Number, "5.00"));
        await Task.Delay(TimeSpan.FromSeconds(1)); // time enough for an on-receipt application, which must not happen
        var waiting = await EventsAsync(client, tenant, "ordered-1");
        receive.SetResult();
        var events = await DepositWebhook.WaitProcessedAsync(client, tenant, "ordered-1", events: 2);

        Assert.Equal((202, 202), (settled, rejected));
        Assert.All(waiting, e => Assert.Equal("RECEIVED", e.GetProperty("status").GetString()));
        Assert.Equal(2, run.Proxy.Counts.GetValueOrDefault(QueueSends));
        Assert.Equal("APPLIED", Assert.Single(events, e => e.GetProperty("event").GetString() == "deposit.settled").GetProperty("status").GetString());
        Assert.Equal("IGNORED", Assert.Single(events, e => e.GetProperty("event").GetString() == "deposit.rejected").GetProperty("status").GetString());
        Assert.Equal(5.00m, await account.BalanceAsync());

        // Once the worker has settled both, the reference's next event is applied on receipt again.
        var queued = run.Factory.Services.GetRequiredService<QueuedReferences>();
        await Eventually.ValueAsync(() => Task.FromResult(queued.Has((tenant.Id, "ordered-1"))), has => !has, "the worker settled both events");
        await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("reversed", "ordered-1", account.Number, "5.00"));
        await DepositWebhook.WaitProcessedAsync(client, tenant, "ordered-1", events: 3);
        Assert.Equal(0.00m, await account.BalanceAsync());
        Assert.Equal(2, run.Proxy.Counts.GetValueOrDefault(QueueSends));
    }

    [Fact]
    public async Task An_event_arriving_while_the_process_applies_as_many_as_it_may_goes_through_the_queue()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        string? heldNumber = null;
        await using var run = await CountedApp.StartAsync(app, builder => builder
            .UseSetting("Deposits:OutboxSweeperEnabled", "false")
            .ConfigureTestServices(services => services.AddSingleton<IAccountStore>(sp => new AccountLookupFault(RealStore(sp),
                async (_, number, _, real) =>
                {
                    if (number == heldNumber)
                    {
                        Interlocked.Increment(ref held);
                        await release.Task;
                    }

                    return await real();
                }))));
        var client = run.Factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(run.Factory.Services);
        var busy = await ZoqqAccount.OpenAsync(client, tenant);
        var otherTenant = await TestTenants.RegisterAsync(run.Factory.Services); // a Zoqq balance sums the user's accounts
        var other = await ZoqqAccount.OpenAsync(client, otherTenant);
        heldNumber = busy.Number;

        run.Proxy.Reset();
        const int max = LocalDepositApplier.MaxInProgress;
        var answers = await Task.WhenAll(Enumerable.Range(0, max).Select(i =>
            DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", $"busy-{i}", busy.Number, "1.00"))));
        Assert.All(answers, a => Assert.Equal(202, a.Status));
        await Eventually.ValueAsync(() => Task.FromResult(Volatile.Read(ref held)), n => n == max, "every on-receipt application is held");

        var (status, _) = await DepositWebhook.SendAsync(client, otherTenant, DepositWebhook.Event("settled", "overflow", other.Number, "3.00"));
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, otherTenant, "overflow"));
        Assert.Equal(202, status);
        Assert.Equal("APPLIED", record.GetProperty("status").GetString());
        Assert.Equal(3.00m, await other.BalanceAsync());
        Assert.Equal(1, run.Proxy.Counts.GetValueOrDefault(QueueSends)); // the overflow alone
        Assert.Equal(0m, await busy.BalanceAsync());

        release.SetResult();
        await Eventually.ValueAsync(() => busy.BalanceAsync(), b => b >= max * 1.00m, "every held deposit was applied");
        Assert.Equal(max * 1.00m, await busy.BalanceAsync());
        Assert.Equal(1, run.Proxy.Counts.GetValueOrDefault(QueueSends));
    }

    private static async Task<JsonElement[]> EventsAsync(HttpClient client, Core.Tenancy.TenantRegistration tenant, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/webhooks/deposits/{reference}");
        request.Headers.Add("x-api-key", tenant.ApiKey);
        var (status, body) = await DepositWebhook.ReadAsync(await client.SendAsync(request));
        Assert.Equal(200, status);
        return body.GetProperty("events").EnumerateArray().ToArray();
    }

    /// <summary>The app with the sweeper off, whose first account lookup by number fails; <paramref name="lookups"/> counts them.</summary>
    private Task<CountedApp> FirstLookupFailsAsync(StrongBox<int> lookups) => CountedApp.StartAsync(app, builder => builder
        .UseSetting("Deposits:OutboxSweeperEnabled", "false")
        .ConfigureTestServices(services => services.AddSingleton<IAccountStore>(sp => new AccountLookupFault(RealStore(sp),
            (_, _, _, real) => Interlocked.Increment(ref lookups.Value) == 1
                ? throw new InvalidOperationException("storage fault on the first lookup")
                : real()))));

    private static TableAccountStore RealStore(IServiceProvider sp) =>
        new(sp.GetRequiredService<StorageTables>(), TimeProvider.System, RecentReads.Default);
}
