using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Deposits;

/// <summary>Bodies of the deposit webhook and operator endpoints: <c>{"status":"accepted"|"error", ...}</c>.</summary>
public static class DepositResponses
{
    public static JsonElement Accepted(string eventId) =>
        JsonSerializer.SerializeToElement(new { status = "accepted", event_id = eventId }, DepositJson.Options);

    public static JsonElement Error(string message, string? field) =>
        JsonSerializer.SerializeToElement(new { status = "error", message, field }, DepositJson.Options);
}

/// <summary>Wire format of deposit webhooks, queue messages and the operator endpoints: snake_case.</summary>
public static class DepositJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.SnakeCaseLower, refuseUnknownFields: false);
}

/// <summary>The deposit endpoints' error body, <c>{"status":"error","message","field"}</c>.</summary>
public sealed class DepositErrorFilter(ILogger<DepositErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) =>
        Results.Json(DepositResponses.Error(error.Message, error.Field), statusCode: error.Status);
}
