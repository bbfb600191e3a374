using Accounts.Functions.Notifications;

namespace Accounts.Functions.OpenApi;

/// <summary>
/// The notification routes under /operator/tenants/{tenantId} (README "Notifications"): a tenant's webhook endpoints,
/// their delivery log, and events with resend. Part of the operator document (same key, envelope and JSON options);
/// kept apart so each file stays one feature. The delivering functions (Service Bus, timer) have no HTTP route to describe.
/// </summary>
public static class NotificationsDocument
{
    private const string EndpointExample = """
        {"id": "ep_3f9a0c2d7b1e4a56", "url": "https://hooks.acme.example/accounts", "event_types": ["deposit.settled", "account.created"],
         "enabled": true, "created_at": "2026-04-09T10:12:37Z", "updated_at": "2026-04-09T10:12:37Z", "previous_secret_valid_until": null}
        """;

    private const string DeliveryExample = """
        {"event_id": "evt_9f0c1b2a3d4e5f60", "endpoint_id": "ep_3f9a0c2d7b1e4a56", "event_type": "deposit.settled", "status": "PENDING",
         "attempts": 1, "created_at": "2026-04-09T10:12:37Z", "next_attempt_at": "2026-04-09T10:13:07Z",
         "attempt_log": [{"at": "2026-04-09T10:12:38Z", "status_code": 503, "latency_ms": 84, "error": "the receiver answered 503"}]}
        """;

    /// <summary>Added to <see cref="OperatorDocument"/>'s operations; every one needs the operator key.</summary>
    public static IReadOnlyDictionary<string, OperationDoc> Operations(IReadOnlyList<string> authenticated) => new Dictionary<string, OperationDoc>
    {
        ["OperatorCreateWebhookEndpoint"] = new("Register a webhook endpoint")
        {
            Description = "url is required: https, to a host that is not loopback, link-local, private, multicast or unspecified "
                + "(http to 127.0.0.1/::1 only where Notifications:AllowLocalHttp is on). event_types empty or absent means every type; "
                + "enabled defaults to true. At most 10 endpoints per tenant (409). Answers the endpoint's signing secret "
                + "(whsec_ + base64), shown only here and on rotation. Unknown tenant: 404.",
            Request = typeof(WebhookEndpointsApi.EndpointRequest),
            RequestExample = """{"url": "https://hooks.acme.example/accounts", "event_types": ["deposit.settled", "account.created"], "enabled": true}""",
            Responses = { [201] = typeof(WebhookEndpointsApi.CreatedEndpoint) },
            ResponseExample = "{\"endpoint\": " + EndpointExample + ", \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3u7nJ9zX4dE=\"}",
            Errors = [409],
            Security = authenticated,
        },
        ["OperatorListWebhookEndpoints"] = new("List webhook endpoints")
        {
            Description = "The tenant's endpoints, never a secret. Unknown tenant: 404.",
            Responses = { [200] = typeof(WebhookEndpointsApi.EndpointList) },
            ResponseExample = "{\"endpoints\": [" + EndpointExample + "]}",
            Security = authenticated,
        },
        ["OperatorGetWebhookEndpoint"] = new("Get a webhook endpoint")
        {
            Description = "Never the secret. An endpoint of another tenant is 404.",
            Responses = { [200] = typeof(WebhookEndpointsApi.EndpointView) },
            ResponseExample = EndpointExample,
            Security = authenticated,
        },
        ["OperatorUpdateWebhookEndpoint"] = new("Change a webhook endpoint")
        {
            Description = "Only the fields sent change (url under the same rules as on registration). A disabled endpoint gets "
                + "nothing, and its pending deliveries fail. An endpoint of another tenant is 404.",
            Request = typeof(WebhookEndpointsApi.EndpointRequest),
            RequestExample = """{"enabled": false}""",
            Responses = { [200] = typeof(WebhookEndpointsApi.EndpointView) },
            ResponseExample = EndpointExample.Replace("\"enabled\": true", "\"enabled\": false", StringComparison.Ordinal),
            Security = authenticated,
        },
        ["OperatorDeleteWebhookEndpoint"] = new("Delete a webhook endpoint")
        {
            Description = "An endpoint of another tenant is 404.",
            Responses = { [204] = null },
            Security = authenticated,
        },
        ["OperatorRotateWebhookEndpointSecret"] = new("Rotate an endpoint's signing secret")
        {
            Description = "Answers the new secret. The previous one keeps signing beside it until previous_valid_until (24 h); "
                + "rotating again within that drops the oldest at once.",
            Responses = { [200] = typeof(WebhookEndpointsApi.RotatedSecret) },
            ResponseExample = """{"secret": "whsec_Xq1c5m0JtWm0yC3b2g8p7Gv9V0hQ2r6sK4dT1uYbE3o=", "previous_valid_until": "2026-04-10T10:12:37Z"}""",
            Security = authenticated,
        },
        ["OperatorListWebhookEndpointDeliveries"] = new("An endpoint's delivery log")
        {
            Description = "Newest first, at most 200. status is PENDING, SUCCEEDED or FAILED; next_attempt_at only while PENDING; "
                + "attempt_log holds the last 20 attempts (status_code null: no answer).",
            Responses = { [200] = typeof(WebhookEndpointsApi.DeliveryList) },
            ResponseExample = "{\"deliveries\": [" + DeliveryExample + "]}",
            Security = authenticated,
        },
        ["OperatorGetNotificationEvent"] = new("Get a notification event")
        {
            Description = "The event, its payload (as delivered under data) and its delivery to each endpoint.",
            Responses = { [200] = typeof(WebhookEndpointsApi.EventView) },
            ResponseExample = """
                {"id": "evt_9f0c1b2a3d4e5f60", "type": "deposit.settled", "account_id": "01a2b3c4", "sequence": 7, "created_at": "2026-04-09T10:12:37Z",
                 "payload": {"id": "evt_9f0c1b2a3d4e5f60", "type": "deposit.settled", "timestamp": "2026-04-09T10:12:37.123Z",
                  "data": {"account_id": "01a2b3c4", "account_number": "9282817567", "dialect": "zoqq", "sequence": 7, "entry_id": "01a2b3c5",
                   "reference": "DEP-123", "amount": "12.34", "currency": "SGD", "balance_after": "112.34", "available_after": "112.34"}},
                 "deliveries": []}
                """,
            Security = authenticated,
        },
        ["OperatorResendNotificationEvent"] = new("Resend a notification event")
        {
            Description = "Sends the event again with a fresh retry schedule (keeping the attempt history, same event id): to "
                + "endpoint_id, or with no body (or no endpoint_id) to every endpoint that now wants its type. Answers the "
                + "deliveries started. Unknown event or endpoint: 404.",
            Request = typeof(WebhookEndpointsApi.ResendRequest),
            RequestOptional = true,
            RequestExample = """{"endpoint_id": "ep_3f9a0c2d7b1e4a56"}""",
            Responses = { [202] = typeof(WebhookEndpointsApi.DeliveryList) },
            ResponseExample = """
                {"deliveries": [{"event_id": "evt_9f0c1b2a3d4e5f60", "endpoint_id": "ep_3f9a0c2d7b1e4a56", "event_type": "deposit.settled",
                 "status": "PENDING", "attempts": 0, "created_at": "2026-04-09T10:12:37Z", "next_attempt_at": "2026-04-09T11:00:00Z", "attempt_log": []}]}
                """,
            Security = authenticated,
        },
    };
}
