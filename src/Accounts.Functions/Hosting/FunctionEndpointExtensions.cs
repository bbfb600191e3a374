using Accounts.Functions.Hosting.Functions;
using Accounts.Functions.Hosting.Invocation;

namespace Accounts.Functions.Hosting;

/// <summary>
/// How endpoints declare what the Functions host should do with them. Every route endpoint must say
/// one of these, so function.json files can be generated from the endpoint table alone.
/// </summary>
public static class FunctionEndpointExtensions
{
    /// <summary>
    /// Marks a route endpoint as an HTTP-triggered function the host forwards requests to unchanged.
    /// Also sets the endpoint name, so one name identifies the endpoint and the function.
    /// </summary>
    public static TBuilder AsFunction<TBuilder>(this TBuilder builder, string functionName)
        where TBuilder : IEndpointConventionBuilder
    {
        FunctionName.Validate(functionName);
        return builder.WithName(functionName).WithMetadata(new HttpFunctionMetadata(functionName));
    }

    /// <summary>Marks endpoints the host never routes to (e.g. the <c>GET /</c> readiness probe).</summary>
    public static TBuilder HandlerOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(HandlerOnlyMetadata.Instance);

    /// <summary>
    /// Maps <c>POST /{functionName}</c>, where the host delivers JSON invocations of a function that is not
    /// a plain forwarded HTTP function: a timer or Service Bus trigger, or an HTTP trigger with extra
    /// output bindings (any extra binding switches the host to the JSON protocol).
    /// Call it on the app itself, not a route group: the host always posts to the root path.
    /// <para>
    /// These endpoints trust their caller to be the host, so they are served only under it
    /// (<see cref="HostOnlyInvocationPolicy"/>; standalone they answer 404), and every body is checked before the
    /// handler runs (<see cref="InvocationFilter"/>; the handler gets it from <see cref="InvocationRequest.Of"/>).
    /// </para>
    /// </summary>
    public static RouteHandlerBuilder MapFunction(
        this IEndpointRouteBuilder endpoints,
        string functionName,
        FunctionBinding trigger,
        Delegate handler,
        params FunctionBinding[] outputs)
    {
        FunctionName.Validate(functionName);
        if (!trigger.IsTrigger)
        {
            throw new ArgumentException($"Binding '{trigger.Name}' is an output, not a trigger.", nameof(trigger));
        }

        if (outputs.FirstOrDefault(o => o.IsTrigger) is { } misplaced)
        {
            throw new ArgumentException($"Binding '{misplaced.Name}' is a trigger; a function has exactly one.", nameof(outputs));
        }

        var function = new InvocationFunctionMetadata(functionName, [trigger, .. outputs]);

        // The filter is added first so it runs outermost: a malformed body is refused before any other filter.
        return endpoints.MapPost("/" + functionName, handler)
            .WithName(functionName)
            .WithMetadata(function)
            .AddEndpointFilter(new InvocationFilter(function));
    }
}
