using System.Net.Http.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.TestSupport;
using StandardWebhooks;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>
/// kill -9: a deposit applied (its commit and its delivery stored) by a process that dies before sending the
/// notification is notified, once, by the next process over the same storage.
/// </summary>
public sealed class NotificationCrashTests : IAsyncLifetime
{
    private const string OperatorKey = "testing-operator-key"; // appsettings.Testing.json

    private readonly AzuriteFixture _azurite = new();
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly TenantRegistration _tenant = new("ntf-crash-tenant", "Crash Test", "ntf-crash-product", "ntf-crash-partner", "SANDBOX",
        "ntf-crash-key", "ntf-crash-secret", "ntf-crash-webhook");

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task A_deposit_applied_before_a_kill_is_notified_once_after_the_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        string secret;
        string entryId;
        await using (var first = await StartAsync(sendNotifications: false))
        {
            using var client = first.CreateClient();
            using var register = new HttpRequestMessage(HttpMethod.Post, $"/operator/tenants/{_tenant.Id}/webhook-endpoints")
            {
                Content = JsonContent.Create(new { url = receiver.Url, event_types = new[] { "deposit.settled" } }),
            };
            register.Headers.Add("x-operator-key", OperatorKey);
            var (status, created) = await JsonHttp.ReadAsync(await client.SendAsync(register));
            Assert.True(status == 201, $"{status} {created}");
            secret = created.GetProperty("secret").GetString()!;
            var account = await ZoqqAccount.OpenAsync(client, _tenant);
            await DepositWebhook.SendAsync(client, _tenant, DepositWebhook.Event("settled", "ntf-crash-1", account.Number, "42.00"));
            var processed = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, _tenant, "ntf-crash-1"));
            entryId = processed.GetProperty("entry_id").GetString()!;
            first.Kill();
        }

        Assert.Empty(receiver.Requests);
        await using var second = await StartAsync(sendNotifications: true);
        var received = Assert.Single(await receiver.WaitForAsync("deposit.settled", seconds: 30));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // room for a wrong second send

        Assert.Single(receiver.Requests);
        new StandardWebhook(secret).Verify(received.Body, received.Headers);
        Assert.Equal(entryId, received.Json.GetProperty("data").GetProperty("entry_id").GetString());
        Assert.Equal("42.00", received.Json.GetProperty("data").GetProperty("amount").GetString());
    }

    private Task<AppProcess> StartAsync(bool sendNotifications) => AppProcess.StartAsync(new Dictionary<string, string>
    {
        ["Storage__ConnectionString"] = _azurite.ConnectionString,
        ["Storage__TablePrefix"] = _prefix,
        ["Notifications__AllowLocalHttp"] = "true",
        ["Notifications__LocalWorkerEnabled"] = sendNotifications ? "true" : "false",
        ["Notifications__Grace"] = "00:00:02",
        ["Notifications__SweepInterval"] = "00:00:00.500",
        ["DevTenant__Id"] = _tenant.Id,
        ["DevTenant__Name"] = _tenant.Name,
        ["DevTenant__ApiKey"] = _tenant.ApiKey,
        ["DevTenant__ProductId"] = _tenant.ProductId,
        ["DevTenant__PartnerId"] = _tenant.PartnerId,
        ["DevTenant__ClientSecret"] = _tenant.ClientSecret,
        ["DevTenant__WebhookSecret"] = _tenant.WebhookSecret,
    });
}
