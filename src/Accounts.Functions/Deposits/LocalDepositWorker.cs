using Accounts.Core.Deposits;
using Accounts.Functions.Api;
using Accounts.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone stand-in for the ApplyDeposit Service Bus trigger: drains the storage deposit queue in batches of up to 32.
/// A batch is applied in queue order per deposit reference (the lifecycle is per reference) and concurrently across
/// references, so the batch's events for one book reach the ledger together (group commit). A message is deleted only
/// after its outcome is recorded; a failed one comes back after a backoff, and at Deposits:MaxDeliveryCount deliveries
/// it moves to the poison queue (the processor has marked its record DeadLettered). A received message is invisible for
/// Deposits:VisibilityTimeout: if this process dies, it comes back to the next consumer after that.
/// </summary>
public sealed class LocalDepositWorker(DepositQueue queue, DepositProcessor processor, DepositQueueSignal signal,
    StartupGate gate, IOptions<DepositOptions> options, ILogger<LocalDepositWorker> logger) : BackgroundService
{
    // An idle worker is woken at once by this process's webhook; the polls only find what other processes queued
    // (or what came back after a timeout), so they back off up to Deposits:MaxIdlePoll to spare the storage account.
    private static readonly TimeSpan FirstIdlePoll = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!gate.IsOpen)
        {
            await Task.Delay(FirstIdlePoll, stoppingToken);
        }

        var idlePoll = FirstIdlePoll;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(DepositQueue.MaxBatch, options.Value.VisibilityTimeout, stoppingToken);
                if (batch.Count == 0)
                {
                    var woken = await signal.WaitAsync(idlePoll, stoppingToken);
                    idlePoll = woken ? FirstIdlePoll : TimeSpan.FromTicks(Math.Min(options.Value.MaxIdlePoll.Ticks, idlePoll.Ticks * 2));
                    continue;
                }

                idlePoll = FirstIdlePoll;
                // Unreadable messages share a group: each fails on its own and records the reason.
                await Task.WhenAll(batch.GroupBy(d => processor.SequenceOf(d.Body)).Select(group => ProcessInOrderAsync(group, stoppingToken)));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Unfinished messages of the batch come back after their visibility timeout.
                logger.LogError(ex, "Deposit queue {Queue} poll failed; retrying", queue.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ProcessInOrderAsync(IEnumerable<QueueDelivery> deliveries, CancellationToken ct)
    {
        var max = options.Value.MaxDeliveryCount;
        foreach (var delivery in deliveries)
        {
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
