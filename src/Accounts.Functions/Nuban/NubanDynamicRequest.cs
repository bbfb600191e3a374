namespace Accounts.Functions.Nuban;

/// <summary>POST /v1/accounts/dynamic. <see cref="Amount"/> is a JSON number, read as an exact decimal.</summary>
public sealed record NubanDynamicRequest(decimal? Amount, string? Reference, int? DurationInMinutes);
