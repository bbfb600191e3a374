using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>Zoqq's wire format: snake_case names, nulls written out, unknown request fields refused.</summary>
public static class ZoqqJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.SnakeCaseLower);

    /// <summary>Zoqq timestamps: UTC with a compact offset, as in "2025-04-09T10:12:37+0000".</summary>
    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", System.Globalization.CultureInfo.InvariantCulture);
}
