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
