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
