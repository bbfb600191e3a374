using Accounts.Core.Deposits;

namespace Accounts.Functions.Deposits;

/// <summary>
/// An accepted event: its id, and the message to queue with the outbox row to remove once it is queued (both null
/// when nothing needs queueing again).
/// </summary>
public sealed record IntakeResult(string EventId, string? Message, DepositOutboxEntry? Outbox = null);
