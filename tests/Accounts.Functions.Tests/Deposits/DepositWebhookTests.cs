using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Zoqq;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>Authentication, validation and deduplication at the webhook.</summary>
[Collection(AppCollection.Name)]
public class DepositWebhookTests(AppFixture app)
{
    [Fact]
    public async Task A_valid_event_is_accepted_with_its_event_id_and_a_redelivery_gets_the_same_answer()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var body = DepositWebhook.Event("settled", "ref-dup", number, "10.00");

        var first = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, body);
        var again = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, body);
        await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, "ref-dup");
        var third = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, body);

        Assert.Equal((202, 202, 202), (first.Status, again.Status, third.Status));
        Assert.Equal("accepted", first.Body.GetProperty("status").GetString());
        Assert.StartsWith("evt_", first.Body.GetProperty("event_id").GetString());
        Assert.Equal(first.Body.GetRawText(), again.Body.GetRawText());
        Assert.Equal(first.Body.GetRawText(), third.Body.GetRawText());
    }

    [Fact]
    public async Task The_same_event_with_different_content_is_409()
    {
        var session = await ZoqqSession.StartAsync(app);

        await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, DepositWebhook.Event("settled", "ref-x", "123", "10.00"));
        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, DepositWebhook.Event("settled", "ref-x", "123", "11.00"));

        Assert.Equal(409, status);
        Assert.Equal("error", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_wrong_signature_a_tampered_body_and_a_stale_timestamp_are_401()
    {
        var session = await ZoqqSession.StartAsync(app);
        var body = DepositWebhook.Event("settled", "ref-sig", "123", "10.00");
        var client = app.CreateClient();

        var wrongSignature = await DepositWebhook.ReadAsync(await client.SendAsync(DepositWebhook.Request(session.Tenant, body, signature: new string('a', 64))));
        var stale = await DepositWebhook.ReadAsync(await client.SendAsync(DepositWebhook.Request(session.Tenant, body, DateTimeOffset.UtcNow.AddMinutes(-6))));
        var future = await DepositWebhook.ReadAsync(await client.SendAsync(DepositWebhook.Request(session.Tenant, body, DateTimeOffset.UtcNow.AddMinutes(6))));
        var tampered = DepositWebhook.Request(session.Tenant, body);
        tampered.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(DepositWebhook.Event("settled", "ref-sig", "123", "99.00")),
            System.Text.Encoding.UTF8, "application/json");
        var tamperedResult = await DepositWebhook.ReadAsync(await client.SendAsync(tampered));
        var otherTenant = await ZoqqSession.StartAsync(app);
        var foreignKey = DepositWebhook.Request(session.Tenant, body);
        foreignKey.Headers.Remove("x-api-key");
        foreignKey.Headers.Add("x-api-key", otherTenant.Tenant.ApiKey);
        var foreignResult = await DepositWebhook.ReadAsync(await client.SendAsync(foreignKey));

        Assert.Equal(401, wrongSignature.Status);
        Assert.Contains("x-signature", wrongSignature.Body.GetProperty("message").GetString());
        Assert.Equal(401, stale.Status);
        Assert.Contains("5 minutes", stale.Body.GetProperty("message").GetString());
        Assert.Equal(401, future.Status);
        Assert.Equal(401, tamperedResult.Status);
        Assert.Equal(401, foreignResult.Status);
    }

    [Theory]
    [InlineData("""{"event":"deposit.gift","reference":"r","account_number":"1","amount":"1.00","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "event")]
    [InlineData("""{"event":"deposit.settled","account_number":"1","amount":"1.00","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "reference")]
    [InlineData("""{"event":"deposit.settled","reference":"r","amount":"1.00","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "account_number")]
    [InlineData("""{"event":"deposit.settled","reference":"r","account_number":"1","amount":"100.505","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "amount")]
    [InlineData("""{"event":"deposit.settled","reference":"r","account_number":"1","amount":100.5,"currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "amount")]
    [InlineData("""{"event":"deposit.settled","reference":"r","account_number":"1","amount":"0.00","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "amount")]
    [InlineData("""{"event":"deposit.settled","reference":"r","account_number":"1","amount":"-1.00","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "amount")]
    [InlineData("""{"event":"deposit.settled","reference":"r","account_number":"1","amount":"1","currency":"XYZ","occurred_at":"2025-04-09T10:12:37Z"}""", "currency")]
    [InlineData("""{"event":"deposit.settled","reference":"r","account_number":"1","amount":"1","currency":"SGD","occurred_at":"yesterday"}""", "occurred_at")]
    [InlineData("""{"event":"deposit.settled","reference":"r","account_number":"1","amount":"1","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z","sender":"Jane"}""", "sender")]
    [InlineData("""{"event":"deposit.settled","reference":"réf-1","account_number":"1","amount":"1","currency":"SGD","occurred_at":"2025-04-09T10:12:37Z"}""", "reference")]
    [InlineData("""{"event":""", "body")]
    public async Task Bad_fields_get_400_naming_the_field(string json, string field)
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, body) = await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, json);

        Assert.Equal(400, status);
        Assert.Equal(field, body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_absurd_reference_on_the_operator_endpoint_is_400_not_a_server_error()
    {
        var session = await ZoqqSession.StartAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/webhooks/deposits/" + new string('x', 2000));
        request.Headers.Add("x-api-key", session.Tenant.ApiKey);

        var (status, body) = await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(request));

        Assert.Equal(400, status);
        Assert.Equal("reference", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_reference_is_404_and_another_tenants_reference_is_invisible()
    {
        var session = await ZoqqSession.StartAsync(app);
        var other = await ZoqqSession.StartAsync(app);
        await DepositWebhook.SendAsync(app.CreateClient(), session.Tenant, DepositWebhook.Event("settled", "ref-mine", "123", "1.00"));
        await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, "ref-mine");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/webhooks/deposits/ref-mine");
        request.Headers.Add("x-api-key", other.Tenant.ApiKey);
        var (status, _) = await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(request));

        Assert.Equal(404, status);
    }
}
