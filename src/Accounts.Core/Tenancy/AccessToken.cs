namespace Accounts.Core.Tenancy;

/// <summary>
/// A stored bearer token: only its keyed hash, the tenant it belongs to, the API key it was issued under (revoking the
/// key revokes the token) and its expiry.
/// </summary>
public sealed record AccessToken(string TokenHash, string TenantId, string KeyId, DateTimeOffset ExpiresAt);
