namespace Accounts.Functions.Internal;

public sealed record InternalCreateRequest(
    string? IdentityId,
    string? ExternalId,
    string? Type,
    string? Custody,
    string? Currency,
    string? Name,
    string? ParentId);
