namespace Accounts.Functions.Hosting.Functions;

/// <summary>
/// Endpoint metadata: this endpoint is <c>POST /{FunctionName}</c> and receives the host's JSON
/// invocation payload (<c>{"Data":…,"Metadata":…}</c>) for a function with the given bindings.
/// </summary>
public sealed record InvocationFunctionMetadata(string FunctionName, IReadOnlyList<FunctionBinding> Bindings);
