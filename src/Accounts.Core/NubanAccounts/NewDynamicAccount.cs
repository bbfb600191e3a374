namespace Accounts.Core.NubanAccounts;

/// <summary>A request for a dynamic account, as the client sent it; the service validates every field.</summary>
public sealed record NewDynamicAccount(decimal? Amount, string? Reference, int? DurationInMinutes);
