using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Nuban;

/// <summary>Seed 003 authenticates with the X-API-Key header only; the key names the tenant (merchant).</summary>
public sealed class NubanAuthFilter(TenantDirectory tenants) : IEndpointFilter
{
    public const string ApiKeyHeader = "X-API-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var apiKey = http.Request.Headers[ApiKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw DomainException.Unauthorized($"{ApiKeyHeader} header is required");
        }

        NubanCaller.Set(http, await tenants.AuthenticateAsync(apiKey.Trim(), http.RequestAborted));
        return await next(context);
    }
}
