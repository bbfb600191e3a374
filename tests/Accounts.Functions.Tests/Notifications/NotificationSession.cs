using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Operator;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>
/// A standalone app over the shared Azurite with a short, jitter-free retry schedule (0.5 s, 1 s), a 1 s request
/// timeout and local http receivers allowed; a fresh tenant and a receiver registered as its endpoint through the
/// operator route (for the deposit events unless told otherwise).
/// </summary>
public sealed class NotificationSession : IAsyncDisposable
{
    public const string RetryDelays = "00:00:00.5,00:00:01";

    /// <summary>What an endpoint subscribes to unless a test says otherwise: no account events, so counts are of deposits.</summary>
    public static readonly string[] DepositTypes = ["deposit.pending", "deposit.settled", "deposit.rejected", "deposit.reversed"];

    /// <summary>Every type (an endpoint may also subscribe with an empty list).</summary>
    public static readonly string[] AllTypes = [];

    private NotificationSession(TestingAppFactory factory, WebhookReceiver receiver, TenantRegistration tenant, OperatorClient op)
    {
        Factory = factory;
        Receiver = receiver;
        Tenant = tenant;
        Operator = op;
        Client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public TestingAppFactory Factory { get; }

    public WebhookReceiver Receiver { get; }

    public TenantRegistration Tenant { get; }

    public OperatorClient Operator { get; }

    public HttpClient Client { get; }

    public string EndpointId { get; private set; } = string.Empty;

    public string Secret { get; private set; } = string.Empty;

    public static async Task<NotificationSession> StartAsync(string storage, Action<IServiceCollection>? services = null,
        string[]? eventTypes = null, string? prefix = null, int requestTimeoutSeconds = 1)
    {
        var factory = new TestingAppFactory(storage, prefix ?? AzuriteFixture.NewTablePrefix(), builder =>
        {
            builder.UseSetting("Notifications:AllowLocalHttp", "true")
                .UseSetting("Notifications:RetryDelays", RetryDelays)
                .UseSetting("Notifications:Jitter", "0")
                .UseSetting("Notifications:RequestTimeout", TimeSpan.FromSeconds(requestTimeoutSeconds).ToString())
                .UseSetting("Notifications:Lease", TimeSpan.FromSeconds(requestTimeoutSeconds + 2).ToString())
                .UseSetting("Notifications:Grace", "00:00:02")
                .UseSetting("Notifications:SweepInterval", "00:00:00.250");
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        });
        await factory.Services.GetRequiredService<Api.StartupGate>().WaitAsync(CancellationToken.None);
        var receiver = await WebhookReceiver.StartAsync();
        var tenant = await TestTenants.RegisterAsync(factory.Services);
        var session = new NotificationSession(factory, receiver, tenant, new OperatorClient(factory.Services, () => factory.CreateClient()));
        var (status, body) = await session.Operator.SendAsync(HttpMethod.Post, session.EndpointsPath,
            new { url = receiver.Url, event_types = eventTypes ?? DepositTypes });
        Assert.True(status == 201, $"{status} {body}");
        session.EndpointId = body.GetProperty("endpoint").GetProperty("id").GetString()!;
        session.Secret = body.GetProperty("secret").GetString()!;
        return session;
    }

    public string EndpointsPath => $"/operator/tenants/{Tenant.Id}/webhook-endpoints";

    public Task<(int Status, JsonElement Body)> DepositAsync(ZoqqAccount account, string type, string reference, string amount) =>
        DepositWebhook.SendAsync(Client, Tenant, DepositWebhook.Event(type, reference, account.Number, amount));

    /// <summary>The endpoint's delivery log once <paramref name="done"/> holds for the delivery of <paramref name="eventId"/>.</summary>
    public async Task<JsonElement> DeliveryAsync(string eventId, Func<JsonElement, bool> done, string what, int seconds = 20) =>
        await Eventually.ValueAsync(async () =>
        {
            var (status, body) = await Operator.SendAsync(HttpMethod.Get, $"{EndpointsPath}/{EndpointId}/deliveries");
            Assert.True(status == 200, $"{status} {body}");
            return body.GetProperty("deliveries").EnumerateArray().FirstOrDefault(d => d.GetProperty("event_id").GetString() == eventId);
        }, d => d.ValueKind == JsonValueKind.Object && done(d), what, seconds);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Receiver.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
