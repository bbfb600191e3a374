namespace Accounts.Core.Ledger;

/// <summary>The state an entry records. Entries are immutable: a later state is a new entry, never an edit.</summary>
public enum EntryStatus
{
    Pending,
    Settled,
    Failed,
    Reversed,
}
