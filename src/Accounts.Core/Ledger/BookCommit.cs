namespace Accounts.Core.Ledger;

/// <summary>Everything one atomic write to a book changes: the new head, the touched balances, new entries and references.</summary>
public sealed record BookCommit(
    BookHead Head,
    IReadOnlyList<BookBalance> Balances,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<ReferenceRecord> References);
