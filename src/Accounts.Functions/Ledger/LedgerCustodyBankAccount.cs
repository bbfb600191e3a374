namespace Accounts.Functions.Ledger;

/// <summary>The bank account at the custodian where the money of accounts with this custody and currency is held.</summary>
public sealed record LedgerCustodyBankAccount(string AccountNumber, string Bank, string Currency, string TypeAccount, string Country);
