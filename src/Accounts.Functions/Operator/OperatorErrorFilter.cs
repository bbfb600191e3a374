using System.Globalization;
using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Operator;

/// <summary>The operator routes' error body, <c>{"status":"error","message","field"}</c>.</summary>
public sealed class OperatorErrorFilter(ILogger<OperatorErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) =>
        Results.Json(new OperatorError("error", error.Message, error.Field), OperatorJson.Options, statusCode: error.Status);

    public sealed record OperatorError(string Status, string Message, string? Field);
}

/// <summary>snake_case, unknown request fields refused, times in UTC "Z" form.</summary>
public static class OperatorJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.SnakeCaseLower);

    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
