namespace Accounts.Functions.Internal;

/// <summary>Seed 002's list body: <c>{"pagination": {"pagination": {count, next, previous, total}, "results": [...]}}</c>.</summary>
public sealed record InternalListResponse(InternalPage Pagination);
