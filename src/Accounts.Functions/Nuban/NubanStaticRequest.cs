namespace Accounts.Functions.Nuban;

/// <summary>POST /v1/accounts/static.</summary>
public sealed record NubanStaticRequest(string? EmailAddress, string? FirstName, string? LastName, string? PhoneNumber);
