using Accounts.Functions.Api;

namespace Accounts.Functions.Nuban;

/// <summary>The Nuban error envelope, for every Nuban endpoint; it has only a message, so the message names the field.</summary>
public sealed class NubanErrorFilter(ILogger<NubanErrorFilter> logger) : ApiErrorFilter(logger)
{
    protected override IResult Render(ApiError error) => NubanResults.Error(error.Status, error.MessageNamingField);
}
