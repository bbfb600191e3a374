using System.Text.Json;

namespace Accounts.Functions.OpenApi;

/// <summary>
/// One served OpenAPI document: which routes it holds (by path prefix), the wire format its schemas follow, its error
/// envelope and the statuses every operation can answer, and the description of each function it holds.
/// </summary>
public sealed record DialectDoc(string Name, string Title, string Description, JsonSerializerOptions Json)
{
    /// <summary>Route prefixes (no leading slash, compared segment-wise) whose endpoints belong to this document.</summary>
    public required IReadOnlyList<string> RoutePrefixes { get; init; }

    /// <summary>The error body every failure of this dialect carries.</summary>
    public required Type ErrorBody { get; init; }

    public string ErrorContentType { get; init; } = "application/json";

    /// <summary>An error body from the seed, or made the way the error filter makes one.</summary>
    public string? ErrorExample { get; init; }

    /// <summary>Statuses any operation can answer: refused input or credentials, storage outage (503), a bug (500).</summary>
    public int[] CommonErrors { get; init; } = [400, 401, 500, 503];

    /// <summary>Statuses answered as RFC 7807 problem details by the last-resort middleware instead of the envelope.</summary>
    public int[] ProblemStatuses { get; init; } = [];

    public IReadOnlyList<SecurityDoc> Security { get; init; } = [];

    public required IReadOnlyDictionary<string, OperationDoc> Operations { get; init; }

    public bool Holds(string route)
    {
        var path = route.TrimStart('/');
        return RoutePrefixes.Any(prefix => path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));
    }
}
