namespace Accounts.Core.Ledger;

/// <summary>
/// Entries of a book in time order, newest first unless <see cref="OldestFirst"/>. <see cref="From"/> is
/// inclusive, <see cref="To"/> exclusive. The other fields, when set, keep only matching entries;
/// <see cref="PostedChangesOnly"/> keeps entries that moved the posted balance. <see cref="Skip"/> and
/// <see cref="Take"/> apply after filtering and ordering.
/// </summary>
public sealed record EntryQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = 100,
    bool OldestFirst = false,
    string? AccountId = null,
    string? Currency = null,
    EntryStatus? Status = null,
    EntryType? Type = null,
    bool PostedChangesOnly = false)
{
    public bool Matches(LedgerEntry entry) =>
        (AccountId is null || entry.AccountId == AccountId)
        && (Currency is null || entry.Currency.Code == Currency)
        && (Status is null || entry.Status == Status)
        && (Type is null || entry.Type == Type)
        && (!PostedChangesOnly || entry.Delta.Posted != 0);
}
