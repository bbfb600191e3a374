using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>
/// Checks every header Zoqq requires and the bearer token, then records the caller. Content-Type is enforced
/// whenever a body is sent; a body-less GET may omit it because the Functions host forwards content headers only
/// with a body (see README).
/// </summary>
public sealed class ZoqqAuthFilter(TenantDirectory tenants, TokenService tokens) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        var tenant = (await AuthenticateKeyAsync(http.Request, tenants, ct)).Tenant;
        var token = RequestHeaders.BearerToken(http.Request);
        var requestId = ZoqqHeaders.Required(http.Request, ZoqqHeaders.RequestId);
        var userId = ZoqqHeaders.Required(http.Request, ZoqqHeaders.UserId);
        RequestHeaders.EnsureJsonContent(http.Request);
        await tokens.ValidateAsync(tenant, token, ct);
        http.Items[typeof(ZoqqCaller)] = new ZoqqCaller(tenant, userId, requestId);
        return await next(context);
    }

    /// <summary>x-api-key names the tenant (and the key tokens are issued under); x-product-id must be that tenant's product.</summary>
    public static async Task<AuthenticatedKey> AuthenticateKeyAsync(HttpRequest request, TenantDirectory tenants, CancellationToken ct)
    {
        var apiKey = ZoqqHeaders.Required(request, ZoqqHeaders.ApiKey);
        var productId = ZoqqHeaders.Required(request, ZoqqHeaders.ProductId);
        var caller = await tenants.AuthenticateKeyAsync(apiKey, ct);
        return caller.Tenant.ProductId == productId
            ? caller
            : throw DomainException.Unauthorized("x-product-id does not match the x-api-key");
    }
}

/// <summary>The authenticated tenant and user of a Zoqq request, set by <see cref="ZoqqAuthFilter"/>.</summary>
public sealed record ZoqqCaller(Tenant Tenant, string UserId, string RequestId)
{
    public static ZoqqCaller Of(HttpContext context) =>
        context.Items[typeof(ZoqqCaller)] as ZoqqCaller
        ?? throw new InvalidOperationException("Zoqq endpoint reached without authentication");
}
