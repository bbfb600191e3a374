namespace Accounts.Functions.Hosting.Functions;

/// <summary>
/// Endpoint metadata: this route endpoint is an HTTP-triggered function whose requests the host
/// forwards unchanged, so its trigger is derived from the endpoint's own route and methods.
/// </summary>
public sealed record HttpFunctionMetadata(string FunctionName);
