namespace Accounts.Functions.Deposits;

/// <summary>An accepted event: its id, and the message to queue (null when nothing needs queueing again).</summary>
public sealed record IntakeResult(string EventId, string? Message);
