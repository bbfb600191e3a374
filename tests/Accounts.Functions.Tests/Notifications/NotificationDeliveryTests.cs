using System.Globalization;
using System.Text.Json;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using StandardWebhooks;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>
/// Deposits go the production way (signed provider webhook, queue, worker, ledger commit) and their notifications reach
/// a real HTTP receiver in this process, signed per Standard Webhooks and verified with the StandardWebhooks package.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotificationDeliveryTests(AppFixture app)
{
    [Fact]
    public async Task A_settled_deposit_reaches_the_endpoint_signed_and_verifiable_within_two_seconds_of_being_applied()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);

        var (status, _) = await session.DepositAsync(account, "settled", "ntf-settled-1", "12.34");
        Assert.Equal(202, status);
        var processed = Assert.Single(await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, "ntf-settled-1"));
        var received = Assert.Single(await session.Receiver.WaitForAsync("deposit.settled"));

        var appliedAt = DateTimeOffset.Parse(processed.GetProperty("processed_at").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(received.At - appliedAt < TimeSpan.FromSeconds(2), $"applied {appliedAt:O}, received {received.At:O}");
        new StandardWebhook(session.Secret).Verify(received.Body, received.Headers); // throws when the signature does not verify
        Assert.StartsWith("v1,", received.Headers["webhook-signature"].ToString());
        var payload = received.Json;
        Assert.Equal(received.WebhookId, payload.GetProperty("id").GetString());
        var data = payload.GetProperty("data");
        Assert.Equal(account.Id, data.GetProperty("account_id").GetString());
        Assert.Equal(account.Number, data.GetProperty("account_number").GetString());
        Assert.Equal("zoqq", data.GetProperty("dialect").GetString());
        Assert.Equal("ntf-settled-1", data.GetProperty("reference").GetString());
        Assert.Equal("12.34", data.GetProperty("amount").GetString());
        Assert.Equal("SGD", data.GetProperty("currency").GetString());
        Assert.Equal("12.34", data.GetProperty("balance_after").GetString());
        Assert.Equal(processed.GetProperty("entry_id").GetString(), data.GetProperty("entry_id").GetString());
        Assert.True(data.GetProperty("sequence").GetInt64() >= 1);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_does_not_verify()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);

        await session.DepositAsync(account, "settled", "ntf-wrong-secret", "1.00");
        var received = Assert.Single(await session.Receiver.WaitForAsync("deposit.settled"));

        var other = "whsec_" + Convert.ToBase64String(new byte[32]);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(other).Verify(received.Body, received.Headers));
    }

    [Fact]
    public async Task Failed_attempts_are_retried_on_the_schedule_with_the_same_event_id_and_shown_in_the_delivery_log()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        session.Receiver.Answer = n => n <= 2 ? 500 : 204;
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);

        await session.DepositAsync(account, "settled", "ntf-retry", "5.00");
        var attempts = await session.Receiver.WaitForAsync("deposit.settled", count: 3);

        Assert.Single(attempts.Select(a => a.WebhookId).Distinct());
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.45), $"{attempts[0].At:O} {attempts[1].At:O}");
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromSeconds(0.95), $"{attempts[1].At:O} {attempts[2].At:O}");
        var delivery = await session.DeliveryAsync(attempts[0].WebhookId, d => d.GetProperty("status").GetString() == "SUCCEEDED", "the third attempt succeeded");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal([500, 500, 204], delivery.GetProperty("attempt_log").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()));
        Assert.All(delivery.GetProperty("attempt_log").EnumerateArray(), a => Assert.True(a.GetProperty("latency_ms").GetInt64() >= 0));
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("next_attempt_at").ValueKind);
    }

    [Fact]
    public async Task A_delivery_failing_past_the_schedule_is_marked_failed_and_a_resend_delivers_the_same_event()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        session.Receiver.Answer = _ => 503;
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);

        await session.DepositAsync(account, "settled", "ntf-failed", "7.00");
        var first = (await session.Receiver.WaitForAsync("deposit.settled"))[0];
        var failed = await session.DeliveryAsync(first.WebhookId, d => d.GetProperty("status").GetString() == "FAILED", "the schedule ran out");
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32()); // the first attempt and one per retry delay

        session.Receiver.Answer = _ => 200;
        var (status, body) = await session.Operator.SendAsync(HttpMethod.Post,
            $"/operator/tenants/{session.Tenant.Id}/notification-events/{first.WebhookId}/resend", new { endpoint_id = session.EndpointId });
        Assert.True(status == 202, $"{status} {body}");

        var all = await session.Receiver.WaitForAsync("deposit.settled", count: 4);
        Assert.Equal(first.WebhookId, all[3].WebhookId);
        Assert.Equal(first.Body, all[3].Body);
        var succeeded = await session.DeliveryAsync(first.WebhookId, d => d.GetProperty("status").GetString() == "SUCCEEDED", "the resend succeeded");
        Assert.Equal(4, succeeded.GetProperty("attempts").GetInt32());
        var (eventStatus, notification) = await session.Operator.SendAsync(HttpMethod.Get,
            $"/operator/tenants/{session.Tenant.Id}/notification-events/{first.WebhookId}");
        Assert.Equal(200, eventStatus);
        Assert.Equal("deposit.settled", notification.GetProperty("type").GetString());
        Assert.Equal("SUCCEEDED", Assert.Single(notification.GetProperty("deliveries").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_is_given_up_on_per_attempt_and_does_not_hold_up_deposits()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString, requestTimeoutSeconds: 5);
        session.Receiver.Answer = _ => 0; // never answers
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);

        await session.DepositAsync(account, "settled", "ntf-hang-1", "1.00");
        var first = (await session.Receiver.WaitForAsync("deposit.settled"))[0];
        await session.DepositAsync(account, "settled", "ntf-hang-2", "2.00");
        await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, "ntf-hang-2");

        // The second deposit was applied while the first notification's attempt was still waiting for an answer.
        var inFlight = await session.DeliveryAsync(first.WebhookId, _ => true, "the delivery is listed");
        Assert.Equal(0, inFlight.GetProperty("attempts").GetInt32());
        var delivery = await session.DeliveryAsync(first.WebhookId, d => d.GetProperty("attempts").GetInt32() >= 1, "the attempt timed out", seconds: 30);
        var attempt = delivery.GetProperty("attempt_log")[0];
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("status_code").ValueKind);
        Assert.Contains("no answer within 5 s", attempt.GetProperty("error").GetString());
        Assert.InRange(attempt.GetProperty("latency_ms").GetInt64(), 4900, 15000);
        Assert.Equal("PENDING", delivery.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, delivery.GetProperty("next_attempt_at").ValueKind);
    }

    [Fact]
    public async Task A_redelivered_deposit_makes_no_second_event_and_sequences_order_the_lifecycle()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString);
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);

        await session.DepositAsync(account, "pending", "ntf-dup", "3.00");
        await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, "ntf-dup");
        await session.DepositAsync(account, "settled", "ntf-dup", "3.00");
        await session.DepositAsync(account, "settled", "ntf-dup", "3.00"); // the provider delivers it again
        await session.DepositAsync(account, "pending", "ntf-dup", "3.00");
        await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, "ntf-dup", events: 2);
        var settled = Assert.Single(await session.Receiver.WaitForAsync("deposit.settled"));
        var pending = Assert.Single(await session.Receiver.WaitForAsync("deposit.pending"));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // room for a wrong second event to arrive

        Assert.Equal(2, session.Receiver.Requests.Select(r => r.WebhookId).Distinct().Count());
        Assert.Equal(2, session.Receiver.Requests.Count);
        Assert.True(settled.Json.GetProperty("data").GetProperty("sequence").GetInt64()
            > pending.Json.GetProperty("data").GetProperty("sequence").GetInt64());
        Assert.Equal("3.00", pending.Json.GetProperty("data").GetProperty("amount").GetString());
        Assert.Equal("0.00", pending.Json.GetProperty("data").GetProperty("balance_after").GetString());
    }

    [Fact]
    public async Task A_rejected_deposit_tells_the_reason_and_that_a_refund_is_due()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString,
            eventTypes: ["deposit.rejected"]);
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);

        await DepositWebhook.SendAsync(session.Client, session.Tenant,
            DepositWebhook.Event("settled", "ntf-wrong-currency", account.Number, "4.00", currency: "NGN"));
        await session.DepositAsync(account, "settled", "ntf-ok", "1.00");
        var rejected = Assert.Single(await session.Receiver.WaitForAsync("deposit.rejected"));
        await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, "ntf-ok");
        await Task.Delay(500);

        var data = rejected.Json.GetProperty("data");
        Assert.Equal("NGN", data.GetProperty("currency").GetString());
        Assert.True(data.GetProperty("refund_due").GetBoolean());
        Assert.Contains("refund due", data.GetProperty("reason").GetString());
        Assert.DoesNotContain(session.Receiver.Requests, r => r.Type != "deposit.rejected"); // the endpoint asked only for rejections
    }
}
