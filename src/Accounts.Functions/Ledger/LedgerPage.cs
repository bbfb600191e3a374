namespace Accounts.Functions.Ledger;

public sealed record LedgerPage(LedgerPagination Pagination, IReadOnlyList<LedgerAccount> Results);
