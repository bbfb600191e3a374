namespace Accounts.Core.Deposits;

/// <summary>
/// The index of accepted events that may not have reached the queue. A row is written before the event's record and
/// removed once the event is known to be queued or has been processed, so it holds only events in flight: a sweeper
/// finds the overdue ones here, never by scanning deposit records.
/// </summary>
public interface IDepositOutbox
{
    /// <summary>Writes the row (idempotent).</summary>
    Task AddAsync(DepositOutboxEntry entry, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> rows whose DueAt has passed, oldest arrival first.</summary>
    Task<IReadOnlyList<DepositOutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>Removes the row; removing a missing row is not an error.</summary>
    Task RemoveAsync(DepositOutboxEntry entry, CancellationToken ct);
}

/// <summary>
/// A row of the deposit outbox: an accepted event not yet known to be queued. Its key is the event's record (tenant,
/// reference, type) and arrival time, all carried by the queued message, so whoever queues or processes the event can
/// remove the row without reading anything. <see cref="DueAt"/> is when the sweeper queues the event again if the row
/// is still there.
/// </summary>
public sealed record DepositOutboxEntry(string TenantId, string Reference, DepositEventType Type, DateTimeOffset ReceivedAt)
{
    public DateTimeOffset DueAt { get; init; } = ReceivedAt;

    public static DepositOutboxEntry Of(DepositRecord record) => new(record.TenantId, record.Reference, record.Type, record.ReceivedAt);

    public static DepositOutboxEntry Of(DepositEvent deposit) => new(deposit.TenantId, deposit.Reference, deposit.Type, deposit.ReceivedAt);

    /// <summary>
    /// Whether this is the row written for <paramref name="record"/>. A redelivery that lost the insert to the first
    /// delivery wrote a row under its own arrival time, which belongs to no record.
    /// </summary>
    public bool IsRowOf(DepositRecord record) =>
        TenantId == record.TenantId && Reference == record.Reference && Type == record.Type && ReceivedAt == record.ReceivedAt;
}

/// <summary>
/// How long an accepted event may stay unqueued (its send failed, or the process died) before the outbox sweeper
/// queues it again: longer than any webhook request can take, so a request in progress is never raced.
/// </summary>
public sealed record DepositOutboxTiming(TimeSpan GracePeriod);
