using Accounts.Core.Errors;

namespace Accounts.Functions.Deposits;

/// <summary>Maps domain errors of the deposit endpoints to <c>{"status":"error","message","field"}</c>.</summary>
public sealed class DepositErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            return Results.Json(DepositResponses.Error(ex), statusCode: DepositResponses.StatusOf(ex));
        }
    }
}
