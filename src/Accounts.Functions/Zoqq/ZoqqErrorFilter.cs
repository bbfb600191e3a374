using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>Zoqq's error envelope, for every Zoqq endpoint; it has only a message, so the message names the field.</summary>
public sealed class ZoqqErrorFilter(ILogger<ZoqqErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) => ZoqqResults.Error(error.Status, error.MessageNamingField);
}
