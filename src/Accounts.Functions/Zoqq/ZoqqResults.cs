using System.Text.Json;

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
