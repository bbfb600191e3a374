using Accounts.Core.Errors;
using Accounts.Functions.Api;

namespace Accounts.Functions.Vertex;

/// <summary>Reads a Vertex request body and checks the ids in it; every refusal names the field.</summary>
public static class VertexInput
{
    public static async Task<T> BodyAsync<T>(HttpContext http)
        where T : class =>
        JsonBody.Parse<T>(await JsonBody.ReadTextAsync(http.Request, http.RequestAborted), VertexJson.Options);

    /// <summary>A required UUID ("Required - UUID format" in the seed), returned in canonical lower case.</summary>
    public static string Uuid(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw DomainException.Invalid(field, $"{field} is required");
        }

        return Guid.TryParseExact(value.Trim(), "D", out var id)
            ? id.ToString()
            : throw DomainException.Invalid(field, $"{field} must be a UUID like \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"");
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), as the matching enum value.</summary>
    public static T OneOf<T>(string? value, string field, params T[] allowed)
        where T : struct, Enum
    {
        var names = allowed.Select(a => a.ToString().ToLowerInvariant()).ToList();
        var index = names.IndexOf(value?.Trim().ToLowerInvariant() ?? string.Empty);
        return index >= 0
            ? allowed[index]
            : throw DomainException.Invalid(field, string.IsNullOrWhiteSpace(value)
                ? $"{field} is required"
                : $"{field} must be one of {string.Join(", ", names)}");
    }
}
