using Accounts.Core.Notifications;
using Accounts.Functions.Notifications;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Hosting;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Operator;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StandardWebhooks;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>
/// Under the Functions host: a deposit applied by the ApplyDeposit trigger queues its delivery on Service Bus (sent with
/// the SDK), the DeliverNotification trigger sends it, and a failed attempt is scheduled on Service Bus for its retry time.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotificationHostTests(AppFixture app)
{
    [Fact]
    public async Task ApplyDeposit_queues_the_delivery_on_Service_Bus_and_DeliverNotification_sends_it_or_schedules_its_retry()
    {
        var bus = new RecordingServiceBusSender();
        await using var factory = new TestingAppFactory(app.StorageConnectionString, AzuriteFixture.NewTablePrefix(), builder => builder
            .UseSetting("Notifications:AllowLocalHttp", "true")
            .UseSetting("Notifications:RetryDelays", "00:01:00")
            .ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IDeliverySender>(sp =>
                new ServiceBusDeliverySender(bus, sp.GetRequiredService<TimeProvider>())))), underFunctionsHost: true);
        await factory.Services.GetRequiredService<Api.StartupGate>().WaitAsync(CancellationToken.None);
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = factory.CreateClient();
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var op = new OperatorClient(factory.Services, () => factory.CreateClient());
        var (_, created) = await op.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/webhook-endpoints", new { url = receiver.Url, event_types = new[] { "deposit.settled" } });
        var secret = created.GetProperty("secret").GetString()!;
        var account = await ZoqqAccount.OpenAsync(client, tenant);

        var applied = await HostAnswer.InvokeAsync(client, "ApplyDeposit", HostPayloads.ServiceBusBatch("ApplyDeposit", [new HostMessage(
            $$"""
            {"tenant_id":"{{tenant.Id}}","event_id":"evt-host","event":"deposit.settled","reference":"ntf-host","account_number":"{{account.Number}}",
             "amount":"15.00","currency":"SGD","sender":null,"narration":null,"occurred_at":"2025-04-09T10:12:37Z","received_at":"2025-04-09T10:12:37Z"}
            """, "evt-host", account.Number)]));
        Assert.True(applied.Succeeded, string.Join('\n', applied.Logs));
        var queued = await Eventually.ValueAsync(() => Task.FromResult(bus.Sent), sent => sent.Count == 1, "the delivery was sent to Service Bus");
        var key = DeliveryMessage.Read(queued[0].Body.ToString());
        Assert.Equal(default, queued[0].ScheduledEnqueueTime); // the first attempt is due at once

        receiver.Answer = _ => 500;
        var failed = await HostAnswer.InvokeAsync(client, NotificationFunctions.DeliverName,
            HostPayloads.ServiceBusBatch(NotificationFunctions.DeliverName, [HostMessage.Received(queued[0])]));
        Assert.True(failed.Succeeded, string.Join('\n', failed.Logs)); // the endpoint's failure is scheduled, not the message's
        var retry = await Eventually.ValueAsync(() => Task.FromResult(bus.Sent), sent => sent.Count == 2, "the retry was scheduled");
        Assert.InRange(retry[1].ScheduledEnqueueTime - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80));
        Assert.Equal(key, DeliveryMessage.Read(retry[1].Body.ToString()));

        // The retry arrives early in this test (the host would hold it until its time): dropped, nothing is sent.
        var early = await HostAnswer.InvokeAsync(client, NotificationFunctions.DeliverName,
            HostPayloads.ServiceBusBatch(NotificationFunctions.DeliverName, [HostMessage.Received(retry[1])]));
        Assert.True(early.Succeeded);
        Assert.Contains(early.Logs, l => l.Contains("skipped", StringComparison.Ordinal));
        var attempt = Assert.Single(receiver.Requests);
        new StandardWebhook(secret).Verify(attempt.Body, attempt.Headers);
        Assert.Equal(key.EventId, attempt.WebhookId);
    }
}
