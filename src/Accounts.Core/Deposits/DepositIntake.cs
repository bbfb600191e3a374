using Accounts.Core.Telemetry;
using Accounts.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Accounts.Core.Deposits;

/// <summary>
/// Takes in an event whose sender the host has authenticated and whose signature it has verified: records it durably
/// (insert-if-absent) with its outbox row, then queues it. A redelivered event is accepted again with the same id and
/// no second effect; the same key with different content is a conflict. Once recorded the event is accepted: the
/// answer does not wait for the queue send, which finishes in the background, after the send of the reference's
/// previous event on this instance (so its events reach the queue in the order this instance received them); a send
/// that fails, or never finishes because the process stops, is logged or lost and left to the
/// <see cref="DepositOutboxSweeper"/>, which queues the event from its outbox row after the grace period. (Standalone,
/// the sender may apply the event in this process instead of queueing it; it is then on the same line.)
/// </summary>
public sealed class DepositIntake(IDepositRecordStore records, IDepositOutbox outbox, IDepositSender sender, IDepositMessageFormat format,
    DepositOutboxTiming timing, ILogger<DepositIntake> logger)
{
    // This instance's sends, one line per deposit reference (tenant, reference).
    private readonly ReferenceSequences _sending = new();

    /// <summary>Returns the event's id, the same for every delivery of the event.</summary>
    public async Task<string> ReceiveAsync(DepositEvent deposit, CancellationToken ct)
    {
        var record = DepositRecord.Received(deposit, format.Write(deposit), format);

        // The outbox row goes first: if the process dies after the record is stored, the row is there for the sweeper.
        var row = DepositOutboxEntry.Of(record) with { DueAt = record.ReceivedAt + timing.GracePeriod };
        await outbox.AddAsync(row, ct);
        var (inserted, stored) = await records.TryInsertAsync(record, ct);
        if (!inserted && !row.IsRowOf(stored))
        {
            await outbox.RemoveAsync(row, ct); // a redelivery: the first delivery's row, if still needed, covers the event
        }

        DepositMetrics.Received(deposit.Type, firstDelivery: inserted);
        if (!inserted && stored.MessageHash != record.MessageHash)
        {
            throw DomainException.Conflict(
                $"{format.Name(deposit.Type)} for reference '{deposit.Reference}' was already received with different content");
        }

        // An event not processed yet is queued again on redelivery (the first message, with its arrival time): its
        // first queueing may have been lost with a failed response, and applying it twice has no second effect.
        if (stored.Status == DepositStatus.Received)
        {
            QueueInOrder(stored);
        }

        return deposit.EventId;
    }

    // Put on the reference's line before the caller is answered, so the order of calls is the order of sends.
    private void QueueInOrder(DepositRecord stored) =>
        _ = _sending.RunAsync((stored.TenantId, stored.Reference), async () =>
        {
            await QueueAsync(stored);
            return true;
        });

    // Not tied to the request: the caller's answer does not wait for it, and a client that hangs up must not stop it.
    private async Task QueueAsync(DepositRecord stored)
    {
        try
        {
            await sender.SendAsync(stored.EventId, stored.Message, CancellationToken.None);
            await outbox.RemoveAsync(DepositOutboxEntry.Of(stored), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The event is recorded with its outbox row, so it is accepted: the sweeper queues it after the grace period.
            logger.LogWarning(ex, "Deposit {EventId} is recorded but its queueing failed; the outbox sweeper will queue it", stored.EventId);
        }
    }
}
