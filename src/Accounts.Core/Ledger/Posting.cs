using Accounts.Core.Money;

namespace Accounts.Core.Ledger;

/// <summary>
/// A request to add one entry to a book. <see cref="Reference"/> is the idempotency key inside the book: posting
/// the same reference again with the same fields has no second effect; with different fields it is a conflict.
/// </summary>
public sealed record Posting(
    string Reference,
    string AccountId,
    EntryType Type,
    Direction Direction,
    EntryStatus Status,
    Money.Money Amount,
    BalanceDelta Delta,
    string Description,
    long FeeMinor = 0,
    string? ParentEntryId = null,
    string? Counterparty = null)
{
    public Currency Currency => Amount.Currency;

    /// <summary>What must match for a replay of this reference to count as the same request.</summary>
    public string Fingerprint =>
        string.Join('|', AccountId, Type, Direction, Status, Amount.Minor, Amount.Currency.Code, Delta.Posted, Delta.Pending,
            Delta.Reserved, FeeMinor, ParentEntryId ?? string.Empty);
}
