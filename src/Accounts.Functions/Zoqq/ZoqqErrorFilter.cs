using Accounts.Core.Errors;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>Maps domain errors to Zoqq's error envelope, in one place for every Zoqq endpoint.</summary>
public sealed class ZoqqErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            return ZoqqResults.Error(ErrorStatus.Of(ex.Kind), Message(ex));
        }
    }

    /// <summary>Zoqq's envelope has only a message, so it must name the offending field itself.</summary>
    public static string Message(DomainException ex) =>
        ex.Field is { } field && !ex.Message.Contains(field, StringComparison.Ordinal) ? $"{field}: {ex.Message}" : ex.Message;
}
