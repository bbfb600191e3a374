namespace Accounts.Core.Deposits;

/// <summary>What applying an event did. <see cref="EntryId"/> is the ledger entry that records it, if any.</summary>
public sealed record DepositOutcome(DepositStatus Status, string? Reason, string? AccountId, string? EntryId);
