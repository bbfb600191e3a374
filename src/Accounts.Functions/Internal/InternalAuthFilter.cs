using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;

namespace Accounts.Functions.Internal;

/// <summary>
/// Seed 002's headers: <c>x-api-key</c> and <c>User-Agent</c> are required (400 naming the header when missing), then
/// the key must be valid and <c>Authorization: Bearer</c> carry a live token of the key's tenant (401 otherwise).
/// Tokens come from the token endpoint and are valid for every dialect of the tenant.
/// </summary>
public sealed class InternalAuthFilter(TenantDirectory tenants, TokenService tokens) : IEndpointFilter
{
    private const int MaxHeaderLength = 500;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var apiKey = Required(http.Request, "x-api-key");
        Required(http.Request, "User-Agent");
        RequestHeaders.EnsureJsonContent(http.Request, "Content-Type header must be application/json when a body is sent");
        var tenant = await tenants.AuthenticateAsync(apiKey, http.RequestAborted);
        await tokens.ValidateAsync(tenant, RequestHeaders.BearerToken(http.Request), http.RequestAborted);
        http.Items[typeof(InternalCaller)] = new InternalCaller(tenant);
        return await next(context);
    }

    private static string Required(HttpRequest request, string name)
    {
        var value = request.Headers[name].ToString().Trim();
        if (value.Length == 0)
        {
            throw DomainException.Invalid(name, $"{name} header is required");
        }

        return value.Length > MaxHeaderLength
            ? throw DomainException.Invalid(name, $"{name} header must not exceed {MaxHeaderLength} characters")
            : value;
    }
}

/// <summary>The authenticated tenant of a Ledger request, set by <see cref="InternalAuthFilter"/>.</summary>
public sealed record InternalCaller(Tenant Tenant)
{
    public static InternalCaller Of(HttpContext context) =>
        context.Items[typeof(InternalCaller)] as InternalCaller
        ?? throw new InvalidOperationException("Ledger endpoint reached without authentication");
}
