using System.Text.Json;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// What a handler answers to a JSON invocation: <c>{"Outputs": {binding: value}, "Logs": [...], "ReturnValue": ...}</c>.
/// A 2xx answer completes the invocation; any other status fails it (a Service Bus message is then redelivered).
/// </summary>
public sealed record InvocationResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    // The protocol's own casing (Outputs, Logs, ReturnValue); binding names and bodies are passed through as given.
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public IResult Completed() => Results.Json(this, Json, statusCode: StatusCodes.Status200OK);

    public IResult Failed() => Results.Json(this, Json, statusCode: StatusCodes.Status500InternalServerError);

    /// <summary>For a body the host could not have sent; the host reads no more than the status of a non-2xx answer.</summary>
    public IResult Rejected() => Results.Json(this, Json, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The <c>http</c> output binding's value: status, body and headers for the original caller.</summary>
    public static object HttpOutput(int statusCode, object body) => new Dictionary<string, object>
    {
        ["statusCode"] = statusCode,
        ["body"] = body,
        ["headers"] = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
    };
}
