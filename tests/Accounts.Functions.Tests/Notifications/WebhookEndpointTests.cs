using System.Text.Json;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Operator;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>Registering, changing and rotating a tenant's endpoints through the operator routes.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookEndpointTests(AppFixture app)
{
    private readonly OperatorClient _operator = new(app.Services, app.CreateClient);

    [Fact]
    public async Task The_secret_is_shown_once_in_the_standard_webhooks_form_and_never_in_reads()
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);
        var path = $"/operator/tenants/{tenant.Id}/webhook-endpoints";

        var (status, created) = await _operator.SendAsync(HttpMethod.Post, path,
            new { url = "https://hooks.example.com/accounts", event_types = new[] { "deposit.settled", "account.closed" } });

        Assert.Equal(201, status);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        var id = created.GetProperty("endpoint").GetProperty("id").GetString()!;
        var (_, listed) = await _operator.SendAsync(HttpMethod.Get, path);
        var (_, one) = await _operator.SendAsync(HttpMethod.Get, $"{path}/{id}");
        Assert.DoesNotContain(secret, listed.GetRawText());
        Assert.DoesNotContain(secret, one.GetRawText());
        Assert.Equal(["deposit.settled", "account.closed"], one.GetProperty("event_types").EnumerateArray().Select(t => t.GetString()));
        Assert.True(one.GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x", "url")]
    [InlineData("https://10.1.2.3/x", "url")]
    [InlineData("https://192.168.0.10/x", "url")]
    [InlineData("https://169.254.169.254/latest/meta-data", "url")]
    [InlineData("http://hooks.example.com/x", "url")]
    [InlineData("https://user:pw@hooks.example.com/x", "url")]
    public async Task Urls_outside_the_rules_are_refused_naming_the_field(string url, string field)
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);

        var (status, body) = await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/webhook-endpoints", new { url });

        Assert.Equal(400, status);
        Assert.Equal(field, body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unknown_event_types_and_unknown_tenants_are_refused()
    {
        var tenant = await TestTenants.RegisterAsync(app.Services);

        var (status, body) = await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/webhook-endpoints",
            new { url = "https://hooks.example.com/x", event_types = new[] { "deposit.settled", "deposit.exploded" } });
        var (missing, _) = await _operator.SendAsync(HttpMethod.Post, "/operator/tenants/no-such-tenant/webhook-endpoints",
            new { url = "https://hooks.example.com/x" });
        var (unauthorized, _) = await _operator.SendAsync(HttpMethod.Get, $"/operator/tenants/{tenant.Id}/webhook-endpoints", null, "wrong-key");

        Assert.Equal(400, status);
        Assert.Equal("event_types", body.GetProperty("field").GetString());
        Assert.Contains("deposit.exploded", body.GetProperty("message").GetString());
        Assert.Equal(404, missing);
        Assert.Equal(401, unauthorized);
    }

    [Fact]
    public async Task An_endpoint_of_one_tenant_is_not_found_under_another()
    {
        var owner = await TestTenants.RegisterAsync(app.Services);
        var other = await TestTenants.RegisterAsync(app.Services);
        var (_, created) = await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{owner.Id}/webhook-endpoints",
            new { url = "https://hooks.example.com/x" });
        var id = created.GetProperty("endpoint").GetProperty("id").GetString()!;

        var (get, _) = await _operator.SendAsync(HttpMethod.Get, $"/operator/tenants/{other.Id}/webhook-endpoints/{id}");
        var (rotate, _) = await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{other.Id}/webhook-endpoints/{id}/secret");
        var (delete, _) = await _operator.SendAsync(HttpMethod.Delete, $"/operator/tenants/{other.Id}/webhook-endpoints/{id}");

        Assert.Equal(404, get);
        Assert.Equal(404, rotate);
        Assert.Equal(404, delete);
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_during_the_overlap_and_a_disabled_endpoint_receives_nothing()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);
        var endpoint = $"{session.EndpointsPath}/{session.EndpointId}";

        var (status, rotated) = await session.Operator.SendAsync(HttpMethod.Post, $"{endpoint}/secret");
        Assert.Equal(200, status);
        var newSecret = rotated.GetProperty("secret").GetString()!;
        var until = DateTimeOffset.Parse(rotated.GetProperty("previous_valid_until").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        await session.DepositAsync(account, "settled", "ntf-rotated", "2.50");
        var received = Assert.Single(await session.Receiver.WaitForAsync("deposit.settled"));

        Assert.Equal(2, received.Headers["webhook-signature"].ToString().Split(' ').Distinct().Count());
        new StandardWebhook(newSecret).Verify(received.Body, received.Headers);
        new StandardWebhook(session.Secret).Verify(received.Body, received.Headers);

        var (patched, body) = await session.Operator.SendAsync(HttpMethod.Patch, endpoint, new { enabled = false });
        Assert.True(patched == 200, $"{patched} {body}");
        await session.DepositAsync(account, "settled", "ntf-disabled", "1.00");
        await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, "ntf-disabled");
        await Task.Delay(1000);
        Assert.Single(session.Receiver.Requests);
    }
}
