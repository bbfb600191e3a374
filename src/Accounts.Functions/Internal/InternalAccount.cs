namespace Accounts.Functions.Internal;

/// <summary>The account object of seed 002, field for field. Amounts are decimal strings with the currency's decimals.</summary>
public sealed record InternalAccount(
    string Id,
    string IdentityId,
    string? ExternalId,
    string Type,
    string Custody,
    string Balance,
    string AvailableFunds,
    string Currency,
    string Name,
    string AccountNumber,
    string AccountHolder,
    string Status,
    string? ParentId,
    InternalSubAccounts SubAccounts,
    InternalCustodyBankAccount? CustodyBankAccount);

/// <summary>Sums over all of an account's sub-accounts (every depth), in the account's currency.</summary>
public sealed record InternalSubAccounts(string Balance, string AvailableFunds);
