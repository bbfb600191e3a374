using Accounts.Core.Tenancy;
using Accounts.Functions.Api;
using Accounts.Functions.Hosting;

namespace Accounts.Functions.Operator;

/// <summary>
/// Tenant and credential administration under /operator (the Functions host refuses routes starting with "admin"),
/// each route its own function like every other route; the operator key is checked by the handler.
/// </summary>
public static class OperatorEndpoints
{
    public static WebApplicationBuilder AddOperator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.Section);
        builder.Services.AddSingleton<TenantAdministration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        // Errors outermost, so a refused operator key gets the same envelope as every other refusal.
        var tenants = app.MapGroup("/operator/tenants")
            .AddEndpointFilter<OperatorErrorFilter>()
            .AddEndpointFilter<OperatorAuthFilter>()
            .AddEndpointFilter<StartupGateFilter>();
        tenants.MapPost("", OperatorTenantsApi.Create).AsFunction("OperatorCreateTenant");
        tenants.MapGet("/{tenantId}", OperatorTenantsApi.Get).AsFunction("OperatorGetTenant");
        tenants.MapPost("/{tenantId}/api-keys", OperatorTenantsApi.IssueApiKey).AsFunction("OperatorIssueApiKey");
        tenants.MapDelete("/{tenantId}/api-keys/{keyId}", OperatorTenantsApi.RevokeApiKey).AsFunction("OperatorRevokeApiKey");
        tenants.MapPost("/{tenantId}/client-secret", OperatorTenantsApi.RotateClientSecret).AsFunction("OperatorRotateClientSecret");
        tenants.MapPost("/{tenantId}/webhook-secret", OperatorTenantsApi.RotateWebhookSecret).AsFunction("OperatorRotateWebhookSecret");
        return app;
    }
}
