using Accounts.Core.Errors;
using Accounts.Functions.Api;

namespace Accounts.Functions.Operator;

/// <summary>
/// Maps domain errors of the operator routes to <c>{"status":"error","message","field"}</c>, and marks every answer
/// <c>Cache-Control: no-store</c>: these responses carry credentials shown once.
/// </summary>
public sealed class OperatorErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            return Results.Json(new OperatorError("error", ex.Message, ex.Field), OperatorJson.Options, statusCode: ErrorStatus.Of(ex.Kind));
        }
    }

    public sealed record OperatorError(string Status, string Message, string? Field);
}
