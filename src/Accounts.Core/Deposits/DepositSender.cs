namespace Accounts.Core.Deposits;

/// <summary>Who sent the money, as the provider reports it.</summary>
public sealed record DepositSender(string? Name, string? AccountNumber, string? Bank);
