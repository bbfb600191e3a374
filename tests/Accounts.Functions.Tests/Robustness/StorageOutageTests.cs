using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Accounts.Functions.Api;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>
/// A storage outage fails fast and says so: each dialect and the deposit webhook answer 503 with Retry-After in
/// their own envelope, a warning is logged for each, and the readiness probe keeps answering at once.
/// </summary>
public sealed class StorageOutageTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task When_storage_stops_mid_run_every_dialect_answers_503_with_Retry_After()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var app = OutageApp.Start(azurite.ConnectionString);
        await app.Factory.Services.GetRequiredService<StartupGate>().WaitAsync(CancellationToken.None);
        var tenant = await TestTenants.RegisterAsync(app.Factory.Services);
        using var client = app.CreateClient();
        var token = await TestTenants.TokenAsync(client, tenant);

        await azurite.DisposeAsync();

        foreach (var (dialect, request) in OutageApp.Representatives(tenant, token, app.OperatorKey))
        {
            await AssertUnavailableAsync(client, dialect, request, app.Logs);
        }

        await AssertReadyAtOnceAsync(client);
    }

    [Fact]
    public async Task When_storage_is_unreachable_from_the_start_calls_answer_503_and_readiness_stays_instant()
    {
        var closedPort = Accounts.Storage.Emulator.FreePorts.Take(1)[0];
        await using var app = OutageApp.Start(ConnectionString(closedPort));
        using var client = app.CreateClient();
        var tenant = new Core.Tenancy.TenantRegistration("t", "n", "p", "pa", "SANDBOX", "k", "s", "w");

        await AssertReadyAtOnceAsync(client);
        foreach (var (dialect, request) in OutageApp.Representatives(tenant, "token", app.OperatorKey))
        {
            await AssertUnavailableAsync(client, dialect, request, app.Logs);
        }
    }

    [Fact]
    public async Task When_storage_accepts_connections_but_never_answers_calls_still_end_in_503()
    {
        // A hung storage endpoint, with the default timeouts: the start-up attempt gives up after the operation
        // timeout, and the waiting call is refused then.
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start();
        await using var app = OutageApp.Start(ConnectionString(((IPEndPoint)hung.LocalEndpoint).Port));
        using var client = app.CreateClient();
        var tenant = new Core.Tenancy.TenantRegistration("t", "n", "p", "pa", "SANDBOX", "k", "s", "w");

        await AssertReadyAtOnceAsync(client);
        var (dialect, request) = OutageApp.Representatives(tenant, "token", app.OperatorKey).First();
        await AssertUnavailableAsync(client, dialect, request, app.Logs);
    }

    [Fact]
    public async Task Under_the_Functions_host_the_webhook_answers_the_caller_503_with_Retry_After()
    {
        var closedPort = Accounts.Storage.Emulator.FreePorts.Take(1)[0];
        await using var app = OutageApp.Start(ConnectionString(closedPort), underFunctionsHost: true);
        using var client = app.CreateClient();
        var tenant = new Core.Tenancy.TenantRegistration("t", "n", "p", "pa", "SANDBOX", "k", "s", "w");
        // The webhook is a forwarded HTTP function: the host passes the handler's answer to the caller as it is.
        using var request = Deposits.DepositWebhook.Request(tenant, Deposits.DepositWebhook.Event("settled", "outage-host-1", "6200000001", "10.00"));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ApiErrors.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("error", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("503", StringComparison.Ordinal));
    }

    private static async Task AssertUnavailableAsync(HttpClient client, string dialect, HttpRequestMessage request, CapturedLogs logs)
    {
        var path = request.RequestUri!.OriginalString;
        var clock = Stopwatch.StartNew();
        using (request)
        using (var response = await client.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{dialect}: {(int)response.StatusCode} {text}");
            Assert.True(clock.Elapsed < Generous, $"{dialect} took {clock.Elapsed}");
            Assert.Equal(TimeSpan.FromSeconds(ApiErrors.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            var message = OutageApp.AssertEnvelope(dialect, JsonDocument.Parse(text).RootElement);
            Assert.Contains("retry", message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("503", StringComparison.Ordinal)
            && e.Message.Contains(path.Split('?')[0], StringComparison.Ordinal));
    }

    private static async Task AssertReadyAtOnceAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Generous: that the probe never waits on storage at all is ReadinessTests' proof, with a hung storage endpoint.
        Assert.True(clock.Elapsed < Generous, $"GET / took {clock.Elapsed}");
    }

    private static string ConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Accounts.Storage.Emulator.AzuriteProcess.AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
}
