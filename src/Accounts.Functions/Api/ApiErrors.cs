using Accounts.Core.Errors;
using Accounts.Storage;

namespace Accounts.Functions.Api;

/// <summary>
/// The one mapping from an exception to what the client is told, shared by every dialect's error filter and the
/// last-resort middleware. Refusals keep their message; a storage outage is 503 with Retry-After; anything
/// unexpected is a 500 with no details (the exception goes to the log, never to the client).
/// </summary>
public static class ApiErrors
{
    public const int RetryAfterSeconds = 5;
    public const string InternalMessage = "an unexpected error occurred; it has been logged";
    public const string StorageUnavailableMessage = "storage is temporarily unavailable; retry shortly";

    /// <summary>The error to answer for <paramref name="exception"/>; logs it and sets Retry-After on a 503.</summary>
    public static ApiError Handle(HttpContext http, Exception exception, ILogger logger)
    {
        var error = Classify(exception);
        var request = http.Request;
        if (error.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logger.LogWarning(exception is DomainException ? null : exception, "{Method} {Path} answered 503: {Reason}",
                request.Method, request.Path, exception.Message);
        }
        else if (error.Kind is null)
        {
            logger.LogError(exception, "{Method} {Path} failed unexpectedly", request.Method, request.Path);
        }
        else if (exception is BadHttpRequestException)
        {
            logger.LogInformation("{Method} {Path}: the request could not be read: {Reason}", request.Method, request.Path, exception.Message);
        }

        return error;
    }

    /// <summary>
    /// The stable code of an error kind, for envelopes that carry one ("invalid_request", ...; "internal_error" for an
    /// unexpected failure); each dialect spells it in its own case.
    /// </summary>
    public static string Code(ErrorKind? kind) => kind switch
    {
        ErrorKind.Validation => "invalid_request",
        ErrorKind.Unauthorized => "unauthorized",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.NotFound => "not_found",
        ErrorKind.Conflict => "conflict",
        ErrorKind.Gone => "gone",
        ErrorKind.Unavailable => "unavailable",
        null => "internal_error",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>True when the client went away: nobody is left to answer, and it is not a failure of ours.</summary>
    public static bool IsAbort(HttpContext http, Exception exception) =>
        exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested;

    private static ApiError Classify(Exception exception) => exception switch
    {
        DomainException refusal => new ApiError(ErrorStatus.Of(refusal.Kind), refusal.Kind, refusal.Message, refusal.Field),
        _ when StorageOutage.Is(exception) =>
            new ApiError(StatusCodes.Status503ServiceUnavailable, ErrorKind.Unavailable, StorageUnavailableMessage, null),

        // Kestrel's own refusals while the body is read: truncated, malformed chunks, too large, too slow.
        BadHttpRequestException bad => new ApiError(bad.StatusCode, ErrorKind.Validation, $"the request body could not be read: {bad.Message}", "body"),
        _ => new ApiError(StatusCodes.Status500InternalServerError, null, InternalMessage, null),
    };
}

/// <summary>
/// What a dialect's envelope needs to answer a failed request: the status, the kind of refusal (null for an internal
/// error, whose details are never shown), a message for the client and the offending input if any.
/// </summary>
public sealed record ApiError(int Status, ErrorKind? Kind, string Message, string? Field)
{
    /// <summary>The message, prefixed with the field for envelopes that have no field of their own.</summary>
    public string MessageNamingField =>
        Field is { } name && !Message.Contains(name, StringComparison.Ordinal) ? $"{name}: {Message}" : Message;
}

/// <summary>The HTTP status of each kind of domain error, for dialects that use the conventional codes.</summary>
public static class ErrorStatus
{
    public static int Of(ErrorKind kind) => kind switch
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

/// <summary>
/// The error path of every dialect's endpoints: any exception from the filters after it or the handler becomes an
/// answer in the dialect's envelope (see <see cref="ApiErrors"/>); a dialect only says how its envelope looks.
/// </summary>
public abstract class ApiErrorFilter(ILogger logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!ApiErrors.IsAbort(context.HttpContext, ex))
        {
            return Render(ApiErrors.Handle(context.HttpContext, ex, logger));
        }
    }

    /// <summary>The dialect's body for <paramref name="error"/>, with <see cref="ApiError.Status"/> as the status.</summary>
    protected abstract IResult Render(ApiError error);
}
