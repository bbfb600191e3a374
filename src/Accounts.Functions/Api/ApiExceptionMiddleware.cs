namespace Accounts.Functions.Api;

/// <summary>
/// The last resort, for failures outside a dialect's error filter (parameter binding, endpoints without a dialect,
/// writing a result): the same mapping as the filters, as RFC 7807 problem details. Registered after the Development
/// exception page, so that page never shows a stack trace for an API route.
/// </summary>
public sealed class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!ApiErrors.IsAbort(http, ex) && !http.Response.HasStarted)
        {
            http.Response.Clear();
            var error = ApiErrors.Handle(http, ex, logger);
            var field = error.Field is null ? null : new Dictionary<string, object?> { ["field"] = error.Field };
            await Results.Problem(title: error.Message, statusCode: error.Status, extensions: field).ExecuteAsync(http);
        }
    }
}

public static class ApiExceptionMiddlewareExtensions
{
    /// <summary>Adds the last-resort error handling; WebApplication runs it after routing, before the endpoint.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseMiddleware<ApiExceptionMiddleware>();
        return app;
    }
}
