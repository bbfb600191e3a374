namespace Accounts.Core.Idempotency;

/// <summary>
/// A client's idempotency key and what happened to it. <see cref="OperationId"/> is fixed when the key is first
/// seen and used as the id of whatever the request creates, so a retry after a crash re-creates the same thing
/// rather than a second one. <see cref="StatusCode"/> is null while the first request is still running.
/// </summary>
public sealed record IdempotencyRecord(
    string TenantId,
    string Scope,
    string Key,
    string RequestHash,
    string OperationId,
    DateTimeOffset StartedAt,
    int? StatusCode = null,
    string? ResponseBody = null,
    string? Version = null)
{
    public bool IsComplete => StatusCode is not null;
}
