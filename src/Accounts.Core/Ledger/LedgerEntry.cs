using Accounts.Core.Money;

namespace Accounts.Core.Ledger;

/// <summary>
/// An immutable ledger entry. <see cref="Hash"/> links it to the previous entry of its book
/// (<see cref="PreviousHash"/>), so any later edit of a stored row is detectable.
/// </summary>
public sealed record LedgerEntry(
    string Id,
    string BookId,
    long Sequence,
    string AccountId,
    string Reference,
    EntryType Type,
    Direction Direction,
    EntryStatus Status,
    Money.Money Amount,
    long FeeMinor,
    BalanceDelta Delta,
    long PostedAfter,
    long AvailableAfter,
    string Description,
    string? ParentEntryId,
    string? Counterparty,
    DateTimeOffset CreatedAt,
    string PreviousHash,
    string Hash)
{
    public Currency Currency => Amount.Currency;
}

public enum EntryType
{
    Deposit,
    Payout,
    Reversal,
    Fee,
    Conversion,
    Hold,
    HoldRelease,

    /// <summary>Marks an account closed inside its book; moves no money and is not shown as a transaction.</summary>
    Closure,
}

public enum Direction
{
    Credit,
    Debit,
}

/// <summary>The state an entry records. Entries are immutable: a later state is a new entry, never an edit.</summary>
public enum EntryStatus
{
    Pending,
    Settled,
    Failed,
    Reversed,
}
