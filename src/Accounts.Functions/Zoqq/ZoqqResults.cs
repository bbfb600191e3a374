using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

public static class ZoqqResults
{
    public static IResult Success<T>(string message, T data) =>
        Results.Json(new ZoqqEnvelope<T>(200, "success", message, data), ZoqqJson.Options, statusCode: 200);

    public static string SuccessJson<T>(string message, T data) =>
        JsonSerializer.Serialize(new ZoqqEnvelope<T>(200, "success", message, data), ZoqqJson.Options);

    public static IResult Error(int code, string message) =>
        Results.Json(ZoqqError.Of(code, message), ZoqqJson.Options, statusCode: code);

    public static IResult Raw(int statusCode, string json) =>
        Results.Content(json, "application/json", statusCode: statusCode);
}

/// <summary>Every Zoqq response body: <c>{code, status, message, data}</c>; errors carry no data.</summary>
public sealed record ZoqqEnvelope<T>(int Code, string Status, string Message, T? Data);

public sealed record ZoqqError(int Code, string Status, string Message)
{
    public static ZoqqError Of(int code, string message) => new(code, "error", message);
}

/// <summary>Zoqq's error envelope, for every Zoqq endpoint; it has only a message, so the message names the field.</summary>
public sealed class ZoqqErrorFilter(ILogger<ZoqqErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) => ZoqqResults.Error(error.Status, error.MessageNamingField);
}
