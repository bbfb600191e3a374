namespace Accounts.Core.Tenancy;

/// <summary>A freshly issued bearer token; the only time its plain value exists.</summary>
public sealed record IssuedToken(string Value, TimeSpan ExpiresIn);
