using Accounts.Core.Errors;

namespace Accounts.Functions.Nuban;

/// <summary>Maps domain errors to the Nuban error envelope, in one place for every Nuban endpoint.</summary>
public sealed class NubanErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            return NubanResults.Error(StatusOf(ex.Kind), Message(ex));
        }
    }

    /// <summary>The envelope has only a message, so it must name the offending field itself.</summary>
    public static string Message(DomainException ex) =>
        ex.Field is { } field && !ex.Message.Contains(field, StringComparison.Ordinal) ? $"{field}: {ex.Message}" : ex.Message;

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
