namespace Accounts.Functions.Nuban;

/// <summary>data of 201 on POST /v1/accounts/static, as the seed shows it.</summary>
public sealed record NubanStaticCreated(string AccountName, string AccountNumber, string BankName, string BankCode, string Currency);
