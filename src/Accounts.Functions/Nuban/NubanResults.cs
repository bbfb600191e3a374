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
