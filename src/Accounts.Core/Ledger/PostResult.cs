namespace Accounts.Core.Ledger;

/// <summary>The entry a posting produced. <see cref="Applied"/> is false when the reference had been posted before.</summary>
public sealed record PostResult(LedgerEntry Entry, bool Applied);
