namespace Accounts.Core.NubanAccounts;

/// <summary>A dynamic account due to expire at <see cref="ExpiresAt"/>, as held by the expiry index.</summary>
public sealed record ExpiryEntry(string TenantId, string AccountId, DateTimeOffset ExpiresAt);
