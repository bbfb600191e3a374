using Accounts.Core.Errors;

namespace Accounts.Functions.Ledger;

/// <summary>Maps domain errors to the Ledger error body, in one place for every Ledger endpoint.</summary>
public sealed class LedgerErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            var (status, code) = Map(ex.Kind);
            return Results.Json(new LedgerError(new LedgerErrorDetail(code, ex.Message, ex.Field)), LedgerJson.Options, statusCode: status);
        }
    }

    public static (int Status, string Code) Map(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => (StatusCodes.Status400BadRequest, "INVALID_REQUEST"),
        ErrorKind.Unauthorized => (StatusCodes.Status401Unauthorized, "UNAUTHORIZED"),
        ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "FORBIDDEN"),
        ErrorKind.NotFound => (StatusCodes.Status404NotFound, "NOT_FOUND"),
        ErrorKind.Conflict => (StatusCodes.Status409Conflict, "CONFLICT"),
        ErrorKind.Gone => (StatusCodes.Status410Gone, "GONE"),
        ErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
