namespace Accounts.Functions.Internal;

public sealed record InternalPage(InternalPagination Pagination, IReadOnlyList<InternalAccount> Results);
