using Accounts.Core.Errors;
using Accounts.Functions.Api;

namespace Accounts.Functions.Vertex;

/// <summary>Vertex's error body, for every Vertex endpoint: <c>{"error": {"code", "message", "field"}}</c>.</summary>
public sealed class VertexErrorFilter(ILogger<VertexErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) =>
        Results.Json(new VertexError(new VertexErrorDetail(Code(error.Kind), error.Message, error.Field)), VertexJson.Options,
            statusCode: error.Status);

    public static string Code(ErrorKind? kind) => kind switch
    {
        ErrorKind.Validation => "invalid_request",
        ErrorKind.Unauthorized => "unauthorized",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.NotFound => "not_found",
        ErrorKind.Conflict => "conflict",
        ErrorKind.Gone => "gone",
        ErrorKind.Unavailable => "unavailable",
        null => "internal_error",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
