using Accounts.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Accounts.Core.Deposits;

/// <summary>
/// Queues again every accepted event whose outbox row is overdue: its record is stored but it may never have reached
/// the queue (the process died in between, or the send failed). Applying an event twice has no second effect, so a
/// message that did arrive after all costs only a redundant delivery. It sends through the same sender as the webhook,
/// which standalone may apply the event at once instead of queueing it.
/// </summary>
public sealed class DepositOutboxSweeper(IDepositOutbox outbox, IDepositRecordStore records, IDepositSender sender, TimeProvider clock,
    ILogger<DepositOutboxSweeper> logger)
{
    private const int BatchSize = 200;

    /// <summary>Queues every overdue event again; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var requeued = 0;
        var due = await outbox.DueAsync(now, BatchSize, ct);
        DepositMetrics.OutboxBacklog(due.Count);
        foreach (var entry in due)
        {
            var record = await records.GetAsync(entry.TenantId, entry.Reference, entry.Type, ct);
            if (record is null || !entry.IsRowOf(record) || record.Status != DepositStatus.Received)
            {
                // Processed since; or the request died before storing the record (nothing was accepted); or the row of
                // a redelivery that lost the insert to the first delivery, whose own row covers the event.
                await outbox.RemoveAsync(entry, ct);
                continue;
            }

            logger.LogWarning("Deposit {EventId} ({Reference}) was accepted at {ReceivedAt:O} but is not known to be queued; queueing it again",
                record.EventId, record.Reference, record.ReceivedAt);
            await sender.SendAsync(record.EventId, record.Message, ct);
            await outbox.RemoveAsync(entry, ct); // a completed send means the message is in the queue (or the event applied)

            requeued++;
        }

        return requeued;
    }
}
