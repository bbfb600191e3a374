using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

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
        EnsureJsonContent(http.Request);
        var partnerId = http.GetRouteValue("partner_id") as string ?? string.Empty;
        http.Items[typeof(VertexCaller)] = new VertexCaller(tenant, partnerId);
        return await next(context);
    }

    private static void EnsureJsonContent(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (!string.IsNullOrEmpty(contentType) && !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid("Content-Type", "Content-Type header must be application/json");
        }
    }
}
