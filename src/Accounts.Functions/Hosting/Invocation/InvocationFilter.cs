using Accounts.Functions.Hosting.Functions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// Wraps every <see cref="FunctionEndpointExtensions.MapFunction"/> endpoint. Before the handler runs it reads and checks
/// the invocation (<see cref="InvocationRequest.Of"/> hands it over), so a malformed body answers 400 with a warning naming
/// the function and the problem, never a 500. A valid invocation whose processing fails still answers whatever the handler
/// says (a 500 makes Service Bus redeliver).
/// <para>
/// After the handler it refuses a 2xx without a body: the host reads such an answer as null and never completes the
/// invocation (Azure/azure-functions-host, src/WebJobs.Script/Workers/Http/DefaultHttpWorkerService.cs,
/// ProcessDefaultInvocationRequest: the result is only set when the parsed body is not null).
/// </para>
/// </summary>
internal sealed class InvocationFilter(InvocationFunctionMetadata function) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<InvocationFilter>();
        try
        {
            http.Features.Set(await InvocationRequest.ReadAsync(http.Request, function.Bindings, http.RequestAborted));
        }
        catch (InvalidInvocationException ex)
        {
            logger.LogWarning("{Function}: refused a malformed invocation: {Problem}", function.FunctionName, ex.Message);
            return new InvocationResponse(new Dictionary<string, object?>(), [ex.Message], null).Rejected();
        }

        var result = await next(context);
        if (IsEmptySuccess(result))
        {
            logger.LogError("{Function} answered a success without a body, which the host would wait on forever; failing it instead",
                function.FunctionName);
            return new InvocationResponse(new Dictionary<string, object?>(), ["the handler answered without a body"], null).Failed();
        }

        return result;
    }

    private static bool IsEmptySuccess(object? result) => result switch
    {
        null or EmptyHttpResult => true,
        IStatusCodeHttpResult { StatusCode: < 200 or >= 300 } => false,
        IValueHttpResult valued => valued.Value is null,
        ContentHttpResult content => string.IsNullOrEmpty(content.ResponseContent),
        string text => text.Length == 0,
        IStatusCodeHttpResult => true, // Ok(), Accepted(), NoContent(): a success that writes nothing
        _ => false,
    };
}

/// <summary>
/// A body posted to <c>/{FunctionName}</c> is not an invocation the Functions host could have sent (not JSON, a section
/// of the wrong type, text that is not valid Unicode...). <see cref="InvocationFilter"/> answers it with 400; the message
/// says what is wrong, naming the field.
/// </summary>
public sealed class InvalidInvocationException(string problem) : Exception(problem);
