namespace Accounts.Core.Ledger;

/// <summary>What a caller asks to post to an account; direction and balance effect are decided by <see cref="AccountLedger"/>.</summary>
public sealed record AccountPosting(
    string Reference,
    Money.Money Amount,
    EntryType Type,
    EntryStatus Status,
    string Description,
    string? Counterparty = null,
    long FeeMinor = 0,
    string? ParentEntryId = null)
{
    internal Posting ToPosting(string accountId, Direction direction, BalanceDelta delta) =>
        new(Reference, accountId, Type, direction, Status, Amount, delta, Description, FeeMinor, ParentEntryId, Counterparty);
}
