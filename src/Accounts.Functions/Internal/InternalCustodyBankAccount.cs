namespace Accounts.Functions.Internal;

/// <summary>The bank account at the custodian where the money of accounts with this custody and currency is held.</summary>
public sealed record InternalCustodyBankAccount(string AccountNumber, string Bank, string Currency, string TypeAccount, string Country);
