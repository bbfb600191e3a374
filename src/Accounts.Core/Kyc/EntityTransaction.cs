using Accounts.Core.Ledger;

namespace Accounts.Core.Kyc;

/// <summary>
/// A ledger entry of an entity account as the account's owner sees it. <see cref="Status"/> is the entry's status,
/// except that an entry named as parent by a later reversal entry shows <see cref="EntryStatus.Reversed"/>.
/// <see cref="Verified"/> is true only when the book's hash chain recomputes up to and including this entry, from the
/// checkpoint before it (<see cref="ChainCheckpoints"/>) or, for a book read whole, from its first entry.
/// </summary>
public sealed record EntityTransaction(LedgerEntry Entry, EntryStatus Status, bool Verified)
{
    public string TxId => TransactionId.Compose(Entry.AccountId, Entry.Id);

    public string? ParentTxId => Entry.ParentEntryId is { } parent ? TransactionId.Compose(Entry.AccountId, parent) : null;
}
