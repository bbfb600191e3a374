using Accounts.Core.Accounts;

namespace Accounts.Core.Internal;

/// <summary>A PATCH of an internal account; null means "leave as is".</summary>
public sealed record InternalAccountChange(string? Name, string? ExternalId, AccountStatus? Status);
