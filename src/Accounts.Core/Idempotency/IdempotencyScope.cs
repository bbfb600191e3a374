namespace Accounts.Core.Idempotency;

/// <summary>
/// Where client keys are unique (<see cref="Name"/> is stored with every claim, so it never changes) and what the
/// dialect calls the key on the wire, so a refusal names the header or field the client sent.
/// </summary>
public sealed record IdempotencyScope(string Name, string KeyName);
