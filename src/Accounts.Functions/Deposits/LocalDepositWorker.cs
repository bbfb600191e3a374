using Accounts.Core.Deposits;
using Accounts.Functions.Api;
using Accounts.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone stand-in for the ApplyDeposit Service Bus trigger (for the events not applied on receipt:
/// <see cref="LocalDepositApplier"/>): drains the storage deposit queue, whose messages each carry one or more events
/// (<see cref="DepositQueueBatch"/>), keeping up to <see cref="MaxEventsInFlight"/> events in progress, so a slow
/// message never holds up the queue behind it. Events of one deposit reference are applied in the order received,
/// within a message and across messages (the lifecycle is per reference), each after the one before it; different
/// references go concurrently, so waiting events for one book reach the ledger together (group commit). A message is
/// deleted only once every event's outcome is recorded; if any failed, the whole message comes back after a backoff
/// (its applied events are replays then, with no second effect), and at Deposits:MaxDeliveryCount deliveries it moves
/// to the poison queue (the processor has marked each failing event's record DeadLettered). A received message is
/// invisible for Deposits:VisibilityTimeout: if this process dies, it comes back to the next consumer after that.
/// </summary>
public sealed class LocalDepositWorker(DepositQueue queue, DepositProcessor processor, DepositQueueSignal signal,
    QueuedReferences queued, StartupGate gate, IOptions<DepositOptions> options, ILogger<LocalDepositWorker> logger)
    : BackgroundService
{
    /// <summary>
    /// Events received and not yet settled, at most: a few receives' worth, far fewer than a lease can cover. A message
    /// counts for its events (one with more than this counts as this many), so batches do not multiply the work held
    /// under lease.
    /// </summary>
    public const int MaxEventsInFlight = 4 * DepositQueue.MaxBatch;

    // An idle worker is woken at once by this process's webhook; the polls only find what other processes queued
    // (or what came back after a timeout), so they back off up to Deposits:MaxIdlePoll to spare the storage account.
    private static readonly TimeSpan FirstIdlePoll = TimeSpan.FromMilliseconds(100);

    private static readonly (string, string) Unreadable = (string.Empty, string.Empty);

    private readonly SemaphoreSlim _slots = new(MaxEventsInFlight, MaxEventsInFlight);
    private readonly ReferenceSequences _sequences = new();
    private readonly HashSet<Task> _running = [];

    // Events per message in the last receive: how many messages the free slots can take without a received message
    // waiting long for slots while its lease runs.
    private int _eventsPerMessage = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!gate.IsOpen)
        {
            await Task.Delay(FirstIdlePoll, stoppingToken);
        }

        try
        {
            await ReceiveLoopAsync(stoppingToken);
        }
        finally
        {
            Task[] running;
            lock (_running)
            {
                running = [.. _running];
            }

            // Stopping: what is in progress ends with the token; unfinished messages come back after their timeout.
            await Task.WhenAll(running);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken stoppingToken)
    {
        var idlePoll = FirstIdlePoll;
        while (!stoppingToken.IsCancellationRequested)
        {
            await _slots.WaitAsync(stoppingToken);
            var free = 1;
            while (free < DepositQueue.MaxBatch && _slots.Wait(0))
            {
                free++;
            }

            IReadOnlyList<QueueDelivery> batch = [];
            try
            {
                batch = await queue.ReceiveAsync(Math.Clamp(free / _eventsPerMessage, 1, free), options.Value.VisibilityTimeout, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Deposit queue {Queue} poll failed; retrying", queue.Name);
                _slots.Release(free);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                continue;
            }

            if (batch.Count == 0)
            {
                _slots.Release(free);
                var woken = await signal.WaitAsync(idlePoll, stoppingToken);
                idlePoll = woken ? FirstIdlePoll : TimeSpan.FromTicks(Math.Min(options.Value.MaxIdlePoll.Ticks, idlePoll.Ticks * 2));
                continue;
            }

            idlePoll = FirstIdlePoll;
            var messages = batch.Select(d => (Delivery: d, Events: DepositQueueBatch.Read(d.Body))).ToList();
            var events = messages.Sum(m => m.Events.Count);
            _eventsPerMessage = Math.Max(1, (events + messages.Count - 1) / messages.Count);

            // Each message starts once it holds a slot per event, in the order received (which keeps each reference's
            // order); the slots taken before the receive go first, and what is left of them is given back.
            var held = free;
            foreach (var (delivery, carried) in messages)
            {
                var need = Math.Min(carried.Count, MaxEventsInFlight);
                while (held < need)
                {
                    await _slots.WaitAsync(stoppingToken);
                    held++;
                }

                held -= need;
                Start(delivery, carried, need, stoppingToken);
            }

            if (held > 0)
            {
                _slots.Release(held);
            }
        }
    }

    /// <summary>
    /// Puts each event of a message on its reference's line now (unreadable ones share one line), then settles the
    /// message once all of them are done.
    /// </summary>
    private void Start(QueueDelivery delivery, IReadOnlyList<string> events, int slots, CancellationToken ct)
    {
        var max = options.Value.MaxDeliveryCount;
        var outcomes = events
            .Select(message => (Message: message, Event: processor.EventOf(message)))
            .Select(e => _sequences.RunAsync(e.Event is { } d ? (d.TenantId, d.Reference) : Unreadable,
                () => ApplyAsync(e.Message, e.Event, delivery.DequeueCount, max, ct)))
            .ToList();
        var settled = SettleAsync(delivery, outcomes, slots, ct);
        lock (_running)
        {
            _running.Add(settled);
        }

        _ = settled.ContinueWith(t =>
        {
            lock (_running)
            {
                _running.Remove(t);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// True once the event's outcome is recorded; false when it failed (the processor logged and recorded that). Either
    /// way, once settled (recorded, or failed on the last delivery) it no longer holds its reference's later events of
    /// this process in the queue (<see cref="QueuedReferences"/>).
    /// </summary>
    private async Task<bool> ApplyAsync(string message, DepositEvent? deposit, int delivery, int max, CancellationToken ct)
    {
        try
        {
            await processor.ProcessAsync(message, delivery, max, ct);
            Settled(deposit);
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            if (delivery >= max)
            {
                Settled(deposit);
            }

            return false;
        }
    }

    private void Settled(DepositEvent? deposit)
    {
        if (deposit is not null)
        {
            queued.Settled((deposit.TenantId, deposit.Reference), deposit.EventId);
        }
    }

    private async Task SettleAsync(QueueDelivery delivery, List<Task<bool>> outcomes, int slots, CancellationToken ct)
    {
        try
        {
            var applied = await Task.WhenAll(outcomes);
            if (applied.All(ok => ok))
            {
                await queue.DeleteAsync(delivery, ct);
            }
            else if (delivery.DequeueCount >= options.Value.MaxDeliveryCount)
            {
                await queue.MoveToPoisonAsync(delivery, ct);
            }
            else
            {
                await queue.RetryLaterAsync(delivery, RetryDelay(delivery.DequeueCount), ct);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Deleting, releasing or poisoning failed: the message comes back after its visibility timeout.
            logger.LogError(ex, "Deposit message {MessageId} could not be settled; it comes back after its visibility timeout", delivery.MessageId);
        }
        catch (Exception ex) when (ct.IsCancellationRequested)
        {
            logger.LogInformation(ex, "Stopped while handling deposit message {MessageId}; it comes back after its visibility timeout", delivery.MessageId);
        }
        finally
        {
            _slots.Release(slots);
        }
    }

    /// <summary>0.4 s doubling per delivery, rounded up to whole seconds (the queue's unit): 1, 1, 2, 4, 7, 13 ... s.</summary>
    private static TimeSpan RetryDelay(int deliveries) =>
        TimeSpan.FromSeconds(Math.Ceiling(0.2 * Math.Pow(2, Math.Min(deliveries, 16))));
}
