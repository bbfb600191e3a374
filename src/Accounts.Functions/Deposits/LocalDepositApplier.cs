using Accounts.Core.Deposits;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone, with Deposits:ApplyOnReceipt (the default): applies an accepted event in this process at once, on the
/// intake's line for its reference (so a reference's events received here apply in the order received, unless one goes
/// to the queue; the lifecycle handles events out of order), instead of putting it on the storage deposit queue for
/// this same process's worker to take off again: the queue's send, receive and delete are saved, and the balance shows
/// the deposit sooner. The queue stays the way for everything else: an event that arrives while
/// <see cref="MaxInProgress"/> are being applied goes to it (the worker drains it at its own pace, so a burst never
/// piles up in memory), and so does one whose application fails (its deliveries are then retried, counted and
/// dead-lettered as always). Until the event is applied or queued its outbox row stays, so if the process dies
/// meanwhile the sweeper queues it; applying an event twice has no second effect.
/// </summary>
public sealed class LocalDepositApplier(DepositProcessor processor, LocalQueueSender queue, ILogger<LocalDepositApplier> logger)
    : IDepositSender
{
    /// <summary>Events applied on receipt at once, at most: as many as the queue's worker keeps in progress.</summary>
    public const int MaxInProgress = LocalDepositWorker.MaxEventsInFlight;

    private readonly SemaphoreSlim _room = new(MaxInProgress, MaxInProgress);

    /// <summary>Completes once the event's outcome is recorded, or once it is in the queue.</summary>
    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        if (_room.Wait(0))
        {
            try
            {
                await processor.ApplyOnReceiptAsync(message, ct);
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

        await queue.SendAsync(eventId, message, ct);
    }
}
