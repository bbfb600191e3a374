using System.Globalization;
using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Vertex;

/// <summary>Vertex's wire format: snake_case names, unknown request fields refused, UTC times with a Z.</summary>
public static class VertexJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.SnakeCaseLower);

    /// <summary>ISO 8601 as in the seed: "2025-01-15T10:30:00Z".</summary>
    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
