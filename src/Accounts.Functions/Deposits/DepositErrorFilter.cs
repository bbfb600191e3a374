using Accounts.Functions.Api;

namespace Accounts.Functions.Deposits;

/// <summary>The deposit endpoints' error body, <c>{"status":"error","message","field"}</c>.</summary>
public sealed class DepositErrorFilter(ILogger<DepositErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) =>
        Results.Json(DepositResponses.Error(error.Message, error.Field), statusCode: error.Status);
}
