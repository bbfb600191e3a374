namespace Accounts.Core.Tenancy;

/// <summary>A stored bearer token: only its hash is kept, with the tenant it belongs to and its expiry.</summary>
public sealed record AccessToken(string TokenHash, string TenantId, DateTimeOffset ExpiresAt);
