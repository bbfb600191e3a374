using System.Globalization;
using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Operator;

/// <summary>snake_case, unknown request fields refused, times in UTC "Z" form.</summary>
public static class OperatorJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.SnakeCaseLower);

    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
