namespace Accounts.Functions.Hosting.Functions;

/// <summary>
/// Endpoint metadata: this route endpoint is an HTTP-triggered function whose requests the host
/// forwards unchanged, so its trigger is derived from the endpoint's own route and methods.
/// </summary>
public sealed record HttpFunctionMetadata(string FunctionName);

/// <summary>
/// Endpoint metadata: this endpoint is <c>POST /{FunctionName}</c> and receives the host's JSON
/// invocation payload (<c>{"Data":…,"Metadata":…}</c>) for a function with the given bindings.
/// </summary>
public sealed record InvocationFunctionMetadata(string FunctionName, IReadOnlyList<FunctionBinding> Bindings);

/// <summary>Endpoint metadata: the host never routes to this endpoint (readiness probe, local-only tools).</summary>
public sealed class HandlerOnlyMetadata
{
    public static readonly HandlerOnlyMetadata Instance = new();

    private HandlerOnlyMetadata()
    {
    }
}

/// <summary>One Azure Function: the folder name the host knows it by and its function.json bindings.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<FunctionBinding> Bindings);
