using System.Globalization;
using System.Text;
using System.Text.Json;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Zoqq;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The webhook verifies the signature over the bytes it received, then refuses a body that is not strict UTF-8 JSON:
/// a provider that signs its raw bytes is told what is wrong with the body (400), not that its signature is (401).
/// </summary>
[Collection(AppCollection.Name)]
public class WebhookRawBodyTests(AppFixture app)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task A_body_with_a_byte_order_mark_signed_over_its_bytes_verifies_and_is_400_naming_body()
    {
        var session = await ZoqqSession.StartAsync(app);
        byte[] body = [.. Bom, .. Json(DepositWebhook.Event("settled", "raw-bom", "123", "1.00"))];

        var (status, json) = await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(DepositWebhook.RawRequest(session.Tenant, body)));

        Assert.Equal(400, status);
        Assert.Equal("body", json.GetProperty("field").GetString());
        Assert.Contains("byte order mark", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_with_invalid_utf8_signed_over_its_bytes_verifies_and_is_400_naming_body()
    {
        var session = await ZoqqSession.StartAsync(app);

        var (status, json) = await DepositWebhook.ReadAsync(
            await app.CreateClient().SendAsync(DepositWebhook.RawRequest(session.Tenant, WithNarrationByte("raw-bad", 0xFF))));

        Assert.Equal(400, status);
        Assert.Equal("body", json.GetProperty("field").GetString());
        Assert.Contains("UTF-8", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Two_invalid_bodies_that_decode_to_the_same_text_do_not_share_a_signature()
    {
        var session = await ZoqqSession.StartAsync(app);
        var first = WithNarrationByte("raw-twin", 0xFF);
        var second = WithNarrationByte("raw-twin", 0xFE);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        // What a text-decoding verifier accepted for both: the signature of the repaired text.
        var signatureOfText = WebhookSignature.Sign(session.Tenant.WebhookSecret, timestamp, Encoding.UTF8.GetString(first));
        var request = DepositWebhook.RawRequest(session.Tenant, second, signatureOfText);
        request.Headers.Remove("x-timestamp");
        request.Headers.Add("x-timestamp", timestamp);

        var (status, json) = await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(request));

        Assert.Equal(401, status);
        Assert.Contains("x-signature", json.GetProperty("message").GetString());
        using var lookup = new HttpRequestMessage(HttpMethod.Get, "/webhooks/deposits/raw-twin");
        lookup.Headers.Add("x-api-key", session.Tenant.ApiKey);
        Assert.Equal(404, (await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(lookup))).Status);
    }

    [Fact]
    public async Task A_valid_body_with_non_ascii_text_is_accepted_when_signed_over_its_utf8_bytes()
    {
        var session = await ZoqqSession.StartAsync(app);
        var number = (await session.OpenAsync()).GetProperty("account_number").GetString()!;
        var body = Json(new
        {
            @event = "deposit.settled", reference = "raw-utf8", account_number = number, amount = "3.50", currency = "SGD",
            narration = "Zahlung für Müller ✓", occurred_at = "2025-04-09T10:12:37Z",
        });

        var (status, _) = await DepositWebhook.ReadAsync(await app.CreateClient().SendAsync(DepositWebhook.RawRequest(session.Tenant, body)));
        var processed = Assert.Single(await DepositWebhook.WaitProcessedAsync(app.CreateClient(), session.Tenant, "raw-utf8"));

        Assert.Equal(202, status);
        Assert.Equal("APPLIED", processed.GetProperty("status").GetString());
    }

    private static byte[] Json(object body) => JsonSerializer.SerializeToUtf8Bytes(body);

    /// <summary>A valid event for an unknown account whose narration holds one byte that is not UTF-8.</summary>
    private static byte[] WithNarrationByte(string reference, byte invalid)
    {
        var text = Encoding.UTF8.GetBytes(
            $$"""{"event":"deposit.settled","reference":"{{reference}}","account_number":"123","amount":"1.00","currency":"SGD","narration":"pay X","occurred_at":"2025-04-09T10:12:37Z"}""");
        var at = Array.IndexOf(text, (byte)'X');
        text[at] = invalid;
        return text;
    }
}
