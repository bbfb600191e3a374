namespace Accounts.Functions.Ledger;

public sealed record LedgerCreateRequest(
    string? IdentityId,
    string? ExternalId,
    string? Type,
    string? Custody,
    string? Currency,
    string? Name,
    string? ParentId);
