using System.Text.Json;

namespace Accounts.Functions.Deposits;

/// <summary>Bodies of the deposit webhook and operator endpoints: <c>{"status":"accepted"|"error", ...}</c>.</summary>
public static class DepositResponses
{
    public static JsonElement Accepted(string eventId) =>
        JsonSerializer.SerializeToElement(new { status = "accepted", event_id = eventId }, DepositJson.Options);

    public static JsonElement Error(string message, string? field) =>
        JsonSerializer.SerializeToElement(new { status = "error", message, field }, DepositJson.Options);
}
