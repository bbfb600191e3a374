using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;

namespace Accounts.Functions.Vertex;

/// <summary>
/// x-api-key names the tenant (missing or unknown: 401). The body, when sent, must be JSON. The path's partner id is
/// compared later, by each operation, so a foreign partner id gets that operation's ordinary not-found.
/// </summary>
public sealed class VertexAuthFilter(TenantDirectory tenants) : IEndpointFilter
{
    public const string ApiKeyHeader = "x-api-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var apiKey = http.Request.Headers[ApiKeyHeader].ToString().Trim();
        if (apiKey.Length == 0)
        {
            throw DomainException.Unauthorized($"{ApiKeyHeader} header is required");
        }

        var tenant = await tenants.AuthenticateAsync(apiKey, http.RequestAborted);
        // Vertex documents no Content-Type requirement for a body, only that a given one is JSON.
        RequestHeaders.EnsureJsonContent(http.Request, requiredWithBody: false);
        var partnerId = http.GetRouteValue("partner_id") as string ?? string.Empty;
        http.Items[typeof(VertexCaller)] = new VertexCaller(tenant, partnerId);
        return await next(context);
    }
}
