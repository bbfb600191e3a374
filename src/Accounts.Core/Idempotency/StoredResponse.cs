namespace Accounts.Core.Idempotency;

/// <summary>The response of a completed request, replayed verbatim for a retry with the same key and body.</summary>
public sealed record StoredResponse(int StatusCode, string Body);
