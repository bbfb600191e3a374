using Accounts.Core.Deposits;
using Accounts.Functions.Api;
using Accounts.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone stand-in for the ApplyDeposit Service Bus trigger: drains the storage deposit queue, receiving up to 32
/// messages at a time and keeping up to <see cref="MaxInFlight"/> in progress, so a slow message never holds up the
/// queue behind it. Messages of one deposit reference are applied in the order received (the lifecycle is per
/// reference), each after the one before it; different references go concurrently, so waiting events for one book
/// reach the ledger together (group commit). A message is deleted only after its outcome is recorded; a failed one
/// comes back after a backoff, and at Deposits:MaxDeliveryCount deliveries it moves to the poison queue (the processor
/// has marked its record DeadLettered). A received message is invisible for Deposits:VisibilityTimeout: if this
/// process dies, it comes back to the next consumer after that.
/// </summary>
public sealed class LocalDepositWorker(DepositQueue queue, DepositProcessor processor, DepositQueueSignal signal,
    StartupGate gate, IOptions<DepositOptions> options, ILogger<LocalDepositWorker> logger) : BackgroundService
{
    /// <summary>Messages received and not yet handled, at most: a few receives' worth, far fewer than a lease can cover.</summary>
    public const int MaxInFlight = 4 * DepositQueue.MaxBatch;

    // An idle worker is woken at once by this process's webhook; the polls only find what other processes queued
    // (or what came back after a timeout), so they back off up to Deposits:MaxIdlePoll to spare the storage account.
    private static readonly TimeSpan FirstIdlePoll = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);

    // Per deposit reference (tenant, reference), when its last message started is done: the next one runs after it.
    private readonly Dictionary<(string, string), Task> _tails = [];

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
            lock (_tails)
            {
                running = [.. _tails.Values];
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
                batch = await queue.ReceiveAsync(free, options.Value.VisibilityTimeout, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Deposit queue {Queue} poll failed; retrying", queue.Name);
                _slots.Release(free);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                continue;
            }

            if (free > batch.Count)
            {
                _slots.Release(free - batch.Count);
            }

            if (batch.Count == 0)
            {
                var woken = await signal.WaitAsync(idlePoll, stoppingToken);
                idlePoll = woken ? FirstIdlePoll : TimeSpan.FromTicks(Math.Min(options.Value.MaxIdlePoll.Ticks, idlePoll.Ticks * 2));
                continue;
            }

            idlePoll = FirstIdlePoll;
            foreach (var delivery in batch)
            {
                Start(delivery, stoppingToken);
            }
        }
    }

    /// <summary>Starts a message once the one before it of its reference is done; unreadable messages share one line.</summary>
    private void Start(QueueDelivery delivery, CancellationToken ct)
    {
        var key = processor.SequenceOf(delivery.Body) ?? (string.Empty, string.Empty);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task before;
        lock (_tails)
        {
            before = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            _tails[key] = done.Task;
        }

        _ = RunAsync(before, delivery, key, done, ct);
    }

    private async Task RunAsync(Task before, QueueDelivery delivery, (string, string) key, TaskCompletionSource done, CancellationToken ct)
    {
        try
        {
            await before;
            await HandleAsync(delivery, ct);
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
            _slots.Release();
            done.TrySetResult();
            lock (_tails)
            {
                if (_tails.TryGetValue(key, out var last) && last == done.Task)
                {
                    _tails.Remove(key);
                }
            }
        }
    }

    private async Task HandleAsync(QueueDelivery delivery, CancellationToken ct)
    {
        var max = options.Value.MaxDeliveryCount;
        bool processed;
        try
        {
            await processor.ProcessAsync(delivery.Body, delivery.DequeueCount, max, ct);
            processed = true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            processed = false; // the processor logged and recorded the failure; here only the message's fate is decided
        }

        if (processed)
        {
            await queue.DeleteAsync(delivery, ct);
        }
        else if (delivery.DequeueCount >= max)
        {
            await queue.MoveToPoisonAsync(delivery, ct);
        }
        else
        {
            await queue.RetryLaterAsync(delivery, RetryDelay(delivery.DequeueCount), ct);
        }
    }

    /// <summary>0.4 s doubling per delivery, rounded up to whole seconds (the queue's unit): 1, 1, 2, 4, 7, 13 ... s.</summary>
    private static TimeSpan RetryDelay(int deliveries) =>
        TimeSpan.FromSeconds(Math.Ceiling(0.2 * Math.Pow(2, Math.Min(deliveries, 16))));
}

/// <summary>Standalone: the storage deposit queue, and a wake-up for this process's worker.</summary>
public sealed class LocalQueueSender(DepositQueue queue, DepositQueueSignal signal) : IDepositSender
{
    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        await queue.SendAsync(message, ct);
        signal.Notify();
    }
}

/// <summary>Wakes the local worker when this process queues a deposit, so it need not wait for its next poll.</summary>
public sealed class DepositQueueSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another enqueue signalled at the same moment; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
