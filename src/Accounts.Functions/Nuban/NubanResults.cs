using System.Text.Json.Serialization;
using Accounts.Functions.Api;

namespace Accounts.Functions.Nuban;

public static class NubanResults
{
    public static IResult Ok<T>(string message, T data, NubanMeta? meta = null) =>
        Results.Json(new NubanEnvelope<T>(true, message, data, meta), NubanJson.Options, statusCode: StatusCodes.Status200OK);

    public static IResult Created<T>(string message, T data) =>
        Results.Json(new NubanEnvelope<T>(true, message, data), NubanJson.Options, statusCode: StatusCodes.Status201Created);

    public static IResult Error(int statusCode, string message) =>
        Results.Json(NubanError.Of(message), NubanJson.Options, statusCode: statusCode);
}

/// <summary>Every successful Nuban response: <c>{success, message, data}</c>, plus <c>meta</c> on lists.</summary>
public sealed record NubanEnvelope<T>(
    bool Success,
    string Message,
    T Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NubanMeta? Meta = null);

/// <summary>Paging of a list; the seed spells the totals in camelCase while everything else is snake_case.</summary>
public sealed record NubanMeta(
    int Page,
    int Limit,
    [property: JsonPropertyName("totalItems")] int TotalItems,
    [property: JsonPropertyName("totalPages")] int TotalPages);

/// <summary>Every Nuban error response: <c>{success: false, message}</c>, as the seed's 403 example.</summary>
public sealed record NubanError(bool Success, string Message)
{
    public static NubanError Of(string message) => new(false, message);
}

/// <summary>The Nuban error envelope, for every Nuban endpoint; it has only a message, so the message names the field.</summary>
public sealed class NubanErrorFilter(ILogger<NubanErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) => NubanResults.Error(error.Status, error.MessageNamingField);
}
