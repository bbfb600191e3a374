namespace Accounts.Core.Tenancy;

/// <summary>A caller proven by an active API key: the tenant and which of its keys was presented.</summary>
public sealed record AuthenticatedKey(Tenant Tenant, string KeyId);
