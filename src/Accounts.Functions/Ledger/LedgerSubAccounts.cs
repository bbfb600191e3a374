namespace Accounts.Functions.Ledger;

/// <summary>Sums over all of an account's sub-accounts (every depth), in the account's currency.</summary>
public sealed record LedgerSubAccounts(string Balance, string AvailableFunds);
