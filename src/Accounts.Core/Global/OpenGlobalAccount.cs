using Accounts.Core.Routing;

namespace Accounts.Core.Global;

/// <summary>A request to open a multi-currency receiving account for a tenant's user.</summary>
public sealed record OpenGlobalAccount(
    string? Country,
    string? Currency,
    string? Label,
    IReadOnlyList<RequiredFeature> RequiredFeatures);
