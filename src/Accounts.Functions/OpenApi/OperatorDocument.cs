using Accounts.Functions.Operator;

namespace Accounts.Functions.OpenApi;

/// <summary>Tenant and credential administration under /operator, the tenants' notification endpoints, and the health report.</summary>
public static class OperatorDocument
{
    private const string Key = "operatorKey";
    private static readonly string[] Authenticated = [Key];

    public static DialectDoc Doc { get; } = new("operator", "Operator",
        "Tenants, their credentials and their notification endpoints (x-operator-key = Operator:ApiKey; without that setting these routes answer 404). "
        + "Generated credentials are shown once. Also GET /healthz: storage and queue reachability.", OperatorJson.Options)
    {
        RoutePrefixes = ["operator", "healthz"],
        ErrorBody = typeof(OperatorErrorFilter.OperatorError),
        ErrorExample = """{"status": "error", "message": "name is required", "field": "name"}""",
        CommonErrors = [400, 401, 404],

        // The operator error filter renders refusals only; a storage outage or a bug reaches the last-resort middleware.
        ProblemStatuses = [500, 503],
        Security = [SecurityDoc.Key(Key, OperatorAuthFilter.Header, "The operator key (dev: dev-operator-key).")],
        // The notification routes (webhook endpoints, deliveries, events) are described in their own file.
        Operations = new Dictionary<string, OperationDoc>(NotificationsDocument.Operations(Authenticated))
        {
            [Health.HealthEndpoints.FunctionName] = new("Health: storage and queue reachability")
            {
                Description = "No credentials. 200 when tables and the deposit queue answer within 5 s each, else 503 naming the failed check. "
                    + "The host's readiness probe is GET / (instant, never touches storage).",
                Responses = { [200] = typeof(Health.HealthReport) },
                ResponseExample = """
                    {"status": "healthy", "checks": {"tables": {"status": "ok", "duration_ms": 12, "detail": null},
                     "queue": {"status": "ok", "duration_ms": 9, "detail": "0 queue message(s) waiting, each carrying 1 to 32 deposit events"}}}
                    """,
                Errors = [503],
                OwnErrorsOnly = true,
                ErrorBody = typeof(Health.HealthReport),
            },
            ["OperatorCreateTenant"] = new("Create a tenant")
            {
                Description = "name, product_id and partner_id are required; id defaults to a new UUID, environment to SANDBOX. "
                    + "Answers the first API key, client secret and webhook secret.",
                Request = typeof(OperatorTenantsApi.CreateTenantRequest),
                RequestExample = """{"id": "acme", "name": "Acme Pay", "product_id": "acme-product", "partner_id": "acme-partner", "environment": "SANDBOX"}""",
                Responses = { [201] = typeof(OperatorTenantsApi.CreatedTenantResponse) },
                Errors = [409],
                Security = Authenticated,
            },
            ["OperatorGetTenant"] = new("Get a tenant")
            {
                Responses = { [200] = typeof(OperatorTenantsApi.TenantView) },
                Security = Authenticated,
            },
            ["OperatorIssueApiKey"] = new("Issue an API key")
            {
                Description = "At most two active keys per tenant, so a client can roll keys.",
                Responses = { [201] = typeof(OperatorTenantsApi.ApiKeyResponse) },
                Errors = [409],
                Security = Authenticated,
            },
            ["OperatorRevokeApiKey"] = new("Revoke an API key")
            {
                Description = "Tokens issued under the key stop working too.",
                Responses = { [204] = null },
                Errors = [409],
                Security = Authenticated,
            },
            ["OperatorRotateClientSecret"] = new("Rotate the client secret")
            {
                Responses = { [200] = typeof(OperatorTenantsApi.ClientSecretResponse) },
                Security = Authenticated,
            },
            ["OperatorRotateWebhookSecret"] = new("Rotate the webhook secret")
            {
                Description = "The previous secret stays valid until previous_valid_until.",
                Responses = { [200] = typeof(OperatorTenantsApi.WebhookSecretResponse) },
                Security = Authenticated,
            },
        },
    };
}
