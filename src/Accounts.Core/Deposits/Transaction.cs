using Accounts.Core.Ledger;

namespace Accounts.Core.Deposits;

/// <summary>An entry with the status a customer sees for it now (a reversed deposit shows Reversed).</summary>
public sealed record Transaction(LedgerEntry Entry, EntryStatus Status);
