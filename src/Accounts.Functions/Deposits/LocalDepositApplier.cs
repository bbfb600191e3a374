using Accounts.Core.Deposits;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone, with Deposits:ApplyOnReceipt (the default): applies an accepted event in this process at once, on the
/// intake's line for its reference (so a reference's events received here apply in the order received, unless one goes
/// to the queue, and then they follow it there), instead of putting it on the storage deposit queue for this same
/// process's worker to take off again: the queue's send, receive and delete are saved, and the balance shows the
/// deposit sooner. The queue stays the way for everything else: an event that arrives while <see cref="MaxInProgress"/>
/// are being applied goes to it (the worker drains it at its own pace, so a burst never piles up in memory), and so
/// does one whose application fails (its deliveries are then retried, counted and dead-lettered as always), and every
/// later event of a reference with an event in the queue (<see cref="QueuedReferences"/>), so none overtakes another.
/// Until the event is applied or queued its outbox row stays, so if the process dies meanwhile the sweeper sends it
/// again; applying an event twice has no second effect.
/// </summary>
public sealed class LocalDepositApplier(DepositProcessor processor, LocalQueueSender queue, QueuedReferences queued,
    ILogger<LocalDepositApplier> logger) : IDepositSender
{
    /// <summary>Events applied on receipt at once, at most: as many as the queue's worker keeps in progress.</summary>
    public const int MaxInProgress = LocalDepositWorker.MaxEventsInFlight;

    private readonly SemaphoreSlim _room = new(MaxInProgress, MaxInProgress);

    /// <summary>Completes once the event's outcome is recorded, or once it is in the queue.</summary>
    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        // The intake wrote the message, so it is an event; an earlier event of its reference in the queue goes first.
        var deposit = processor.EventOf(message) ?? throw new InvalidDataException($"deposit {eventId}: not an event");
        var reference = (deposit.TenantId, deposit.Reference);
        if (!queued.Has(reference) && _room.Wait(0))
        {
            try
            {
                await processor.ApplyOnReceiptAsync(deposit, message, ct);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Deposit {EventId} could not be applied on receipt; queueing it", eventId);
            }
            finally
            {
                _room.Release();
            }
        }

        // Marked before the send: a later event of the reference must not overtake it, and if the send fails the event
        // waits in the outbox for the sweeper, still ahead of them.
        queued.Add(reference, eventId);
        await queue.SendAsync(eventId, message, ct);
    }
}
