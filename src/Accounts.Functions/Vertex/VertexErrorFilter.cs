using Accounts.Functions.Api;

namespace Accounts.Functions.Vertex;

/// <summary>Vertex's error body, for every Vertex endpoint: <c>{"error": {"code", "message", "field"}}</c>.</summary>
public sealed class VertexErrorFilter(ILogger<VertexErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) =>
        Results.Json(new VertexError(new VertexErrorDetail(ApiErrors.Code(error.Kind), error.Message, error.Field)), VertexJson.Options,
            statusCode: error.Status);
}

/// <summary>Every Vertex error body: <c>{"error": {"code", "message", "field"}}</c>; field is null unless an input is at fault.</summary>
public sealed record VertexError(VertexErrorDetail Error);

/// <summary>What went wrong: a stable code, a message, and the offending input when there is one.</summary>
public sealed record VertexErrorDetail(string Code, string Message, string? Field);
