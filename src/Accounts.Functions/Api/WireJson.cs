using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Accounts.Functions.Api;

/// <summary>
/// The one recipe for every wire format here: the dialect's naming policy, nulls written out (the seeds show them),
/// unknown request fields refused unless said otherwise, numbers strict, and readable text (responses go to API
/// clients, not into HTML, so quotes and apostrophes are not escaped).
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Create(JsonNamingPolicy naming, bool refuseUnknownFields = true) => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = naming,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = refuseUnknownFields ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
