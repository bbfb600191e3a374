using Accounts.Functions.Api;

namespace Accounts.Functions.Internal;

/// <summary>The Ledger error body, for every Ledger endpoint: <c>{"error": {"code", "message", "field"}}</c>.</summary>
public sealed class InternalErrorFilter(ILogger<InternalErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) =>
        Results.Json(new InternalError(new InternalErrorDetail(ApiErrors.Code(error.Kind).ToUpperInvariant(), error.Message, error.Field)),
            InternalJson.Options, statusCode: error.Status);
}

/// <summary>
/// The Internal dialect's error body (seed 002 documents none): <c>{"error": {"code", "message", "field"}}</c>;
/// <c>field</c> names the offending header, query parameter or body field, or is null.
/// </summary>
public sealed record InternalError(InternalErrorDetail Error);

public sealed record InternalErrorDetail(string Code, string Message, string? Field);
