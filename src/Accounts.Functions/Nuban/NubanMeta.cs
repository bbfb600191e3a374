using System.Text.Json.Serialization;

namespace Accounts.Functions.Nuban;

/// <summary>Paging of a list; the seed spells the totals in camelCase while everything else is snake_case.</summary>
public sealed record NubanMeta(
    int Page,
    int Limit,
    [property: JsonPropertyName("totalItems")] int TotalItems,
    [property: JsonPropertyName("totalPages")] int TotalPages);
