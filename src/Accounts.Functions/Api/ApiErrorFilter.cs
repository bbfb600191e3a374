namespace Accounts.Functions.Api;

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
