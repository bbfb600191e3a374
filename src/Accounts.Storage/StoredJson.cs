using System.Text.Encodings.Web;
using System.Text.Json;

namespace Accounts.Storage;

/// <summary>
/// JSON held in a string property (account attributes, a tenant's API keys). Property names as declared and
/// non-ASCII text unescaped, as the earlier Newtonsoft serializer wrote them, so old and new rows read alike.
/// </summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNameCaseInsensitive = true,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The value, or null for the JSON literal null.</summary>
    public static T? Read<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, Options);
}
