using Accounts.Core.Errors;

namespace Accounts.Functions.Vertex;

/// <summary>Maps domain errors to Vertex's error body and status, in one place for every Vertex endpoint.</summary>
public sealed class VertexErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            var (status, code) = StatusOf(ex.Kind);
            return Results.Json(new VertexError(new VertexErrorDetail(code, ex.Message, ex.Field)), VertexJson.Options, statusCode: status);
        }
    }

    public static (int Status, string Code) StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => (StatusCodes.Status400BadRequest, "invalid_request"),
        ErrorKind.Unauthorized => (StatusCodes.Status401Unauthorized, "unauthorized"),
        ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "forbidden"),
        ErrorKind.NotFound => (StatusCodes.Status404NotFound, "not_found"),
        ErrorKind.Conflict => (StatusCodes.Status409Conflict, "conflict"),
        ErrorKind.Gone => (StatusCodes.Status410Gone, "gone"),
        ErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "unavailable"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
