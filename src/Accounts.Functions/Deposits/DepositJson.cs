using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Deposits;

/// <summary>Wire format of deposit webhooks, queue messages and the operator endpoints: snake_case.</summary>
public static class DepositJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.SnakeCaseLower, refuseUnknownFields: false);
}
