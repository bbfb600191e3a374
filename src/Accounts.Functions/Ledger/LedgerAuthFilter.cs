using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Ledger;

/// <summary>
/// Seed 002's headers: <c>x-api-key</c> and <c>User-Agent</c> are required (400 naming the header when missing), then
/// the key must be valid and <c>Authorization: Bearer</c> carry a live token of the key's tenant (401 otherwise).
/// Tokens come from the token endpoint and are valid for every dialect of the tenant.
/// </summary>
public sealed class LedgerAuthFilter(TenantDirectory tenants, TokenService tokens) : IEndpointFilter
{
    private const int MaxHeaderLength = 500;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var apiKey = Required(http.Request, "x-api-key");
        Required(http.Request, "User-Agent");
        EnsureJsonContent(http.Request);
        var tenant = await tenants.AuthenticateAsync(apiKey, http.RequestAborted);
        await tokens.ValidateAsync(tenant, BearerToken(http.Request), http.RequestAborted);
        http.Items[typeof(LedgerCaller)] = new LedgerCaller(tenant);
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

    // A body must be JSON; a body-less request may omit Content-Type (the Functions host forwards it only with a body).
    private static void EnsureJsonContent(HttpRequest request)
    {
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var type = request.ContentType?.Split(';')[0].Trim();
        if ((hasBody || !string.IsNullOrEmpty(type)) && !string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid("Content-Type", "Content-Type header must be application/json when a body is sent");
        }
    }

    private static string BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.Length == 0)
        {
            throw new DomainException(ErrorKind.Unauthorized, "Authorization header with a Bearer token is required", "Authorization");
        }

        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : throw new DomainException(ErrorKind.Unauthorized, "Authorization header must be \"Bearer <access_token>\"", "Authorization");
    }
}
