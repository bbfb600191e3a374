using Accounts.Core.Notifications;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>The sender's own rules, at the moment of sending: checked addresses, no redirects, a capped answer.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookTransportTests(AppFixture app)
{
    [Fact]
    public async Task Outside_Development_an_address_that_resolves_to_loopback_is_refused_at_connect_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (endpoint, notification) = await EndpointAsync(app.Services);

        // The stored URL passed registration; what it reaches is checked again when connecting (a name may move).
        var attempt = await app.Services.GetRequiredService<IWebhookTransport>()
            .SendAsync(endpoint with { Url = receiver.Url }, notification, CancellationToken.None);

        Assert.Null(attempt.StatusCode);
        Assert.Contains("may not be sent to", attempt.Error);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_not_followed()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        session.Receiver.Answer = _ => 307;
        var (endpoint, notification) = await EndpointAsync(session.Factory.Services);

        var attempt = await session.Factory.Services.GetRequiredService<IWebhookTransport>()
            .SendAsync(endpoint with { Url = session.Receiver.Url }, notification, CancellationToken.None);

        Assert.Equal(307, attempt.StatusCode);
        Assert.Single(session.Receiver.Requests);
    }

    [Fact]
    public async Task An_endless_answer_is_read_only_up_to_the_cap()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        session.Receiver.EndlessBody = true;
        var (endpoint, notification) = await EndpointAsync(session.Factory.Services);

        var attempt = await session.Factory.Services.GetRequiredService<IWebhookTransport>()
            .SendAsync(endpoint with { Url = session.Receiver.Url }, notification, CancellationToken.None);

        // Reading to the end would have run into the 1 s request timeout and failed the attempt.
        Assert.Equal(200, attempt.StatusCode);
        Assert.Null(attempt.Error);
    }

    private static async Task<(WebhookEndpoint, NotificationEvent)> EndpointAsync(IServiceProvider services)
    {
        var tenant = await TestTenants.RegisterAsync(services);
        var (endpoint, _) = await services.GetRequiredService<WebhookEndpointAdministration>()
            .CreateAsync(tenant.Id, "https://hooks.example.com/accounts", [], enabled: true, CancellationToken.None);
        var notification = new NotificationEvent(tenant.Id, "evt_transport", NotificationTypes.DepositSettled, "acct", 1, DateTimeOffset.UtcNow,
            """{"id":"evt_transport","type":"deposit.settled","timestamp":"2026-01-01T00:00:00.000Z","data":{}}""");
        return (endpoint, notification);
    }
}
