namespace Accounts.Core.Notifications;

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (<see cref="Delivery.NextAttemptAt"/>).</summary>
    Pending,
    Succeeded,

    /// <summary>The retry schedule ran out; only a resend tries again.</summary>
    Failed,
}

/// <summary>One attempt: when, how long, and the HTTP status (null: no answer) or the error.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error);

/// <summary>
/// One event to one endpoint. <see cref="Step"/> counts failed attempts since the delivery was made or last resent and
/// picks the next delay of the retry schedule; <see cref="Attempts"/> keeps the most recent attempts for the log.
/// </summary>
public sealed record Delivery(
    string TenantId,
    string EventId,
    string EndpointId,
    string EventType,
    DeliveryStatus Status,
    int Step,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<DeliveryAttempt> Attempts,
    string? Version = null)
{
    /// <summary>Attempts kept on the row; older ones are dropped (the count stays in <see cref="AttemptCount"/>).</summary>
    public const int KeptAttempts = 20;

    public DeliveryKey Key => new(TenantId, EventId, EndpointId);

    public Delivery WithAttempt(DeliveryAttempt attempt) => this with
    {
        AttemptCount = AttemptCount + 1,
        Attempts = [.. Attempts.Skip(Math.Max(0, Attempts.Count - KeptAttempts + 1)), attempt],
    };
}

/// <summary>What a queued delivery message names.</summary>
public sealed record DeliveryKey(string TenantId, string EventId, string EndpointId);
