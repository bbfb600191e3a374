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

        Tenant tenant;
        try
        {
            tenant = await tenants.AuthenticateAsync(apiKey.Trim(), http.RequestAborted);
        }
        catch (DomainException ex) when (ex.Kind == ErrorKind.Unauthorized)
        {
            // Same refusal, spelled with the header name as this dialect documents it.
            throw DomainException.Unauthorized($"{ApiKeyHeader} is not valid");
        }

        NubanCaller.Set(http, tenant);
        return await next(context);
    }
}

/// <summary>The authenticated tenant (the seed's merchant) of a Nuban request, set by <see cref="NubanAuthFilter"/>.</summary>
public static class NubanCaller
{
    public static Tenant Of(HttpContext http) =>
        http.Items[typeof(NubanCaller)] as Tenant ?? throw new InvalidOperationException("NubanAuthFilter did not run for this endpoint");

    public static void Set(HttpContext http, Tenant tenant) => http.Items[typeof(NubanCaller)] = tenant;
}
