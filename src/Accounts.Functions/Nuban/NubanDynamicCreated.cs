namespace Accounts.Functions.Nuban;

/// <summary>data of 201 on POST /v1/accounts/dynamic, as the seed shows it.</summary>
public sealed record NubanDynamicCreated(
    decimal Amount,
    string Reference,
    string ExpirationTime,
    string AccountName,
    string AccountNumber,
    string BankName,
    string BankCode);
