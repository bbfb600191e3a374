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
