namespace Accounts.Functions.Internal;

/// <summary>Sums over all of an account's sub-accounts (every depth), in the account's currency.</summary>
public sealed record InternalSubAccounts(string Balance, string AvailableFunds);
