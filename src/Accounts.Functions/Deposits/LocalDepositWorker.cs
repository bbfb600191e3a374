using Accounts.Functions.Api;
using Accounts.Storage.Deposits;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone stand-in for the ApplyDeposit Service Bus trigger: drains the durable local queue. Messages leased
/// together are applied in queue order per deposit reference (the lifecycle is per reference) and concurrently
/// across references, so events for one book that wait together reach the ledger together (group commit). A
/// message is deleted only after its outcome is recorded; one that keeps failing is parked after MaxDeliveryCount
/// deliveries, never deleted.
/// </summary>
public sealed class LocalDepositWorker(LocalDepositQueue queue, DepositProcessor processor, DepositQueueSignal signal,
    StartupGate gate, IOptions<DepositOptions> options, ILogger<LocalDepositWorker> logger) : BackgroundService
{
    private const int BatchSize = 100;
    // Long enough for a batch (milliseconds per event), short enough that a crashed process's messages come back soon.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!gate.IsOpen)
        {
            await Task.Delay(IdlePoll, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.LeaseAsync(BatchSize, Lease, stoppingToken);
                if (batch.Count == 0)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                    continue;
                }

                await Task.WhenAll(batch.GroupBy(ReferenceOf).Select(group => ProcessInOrderAsync(group, stoppingToken)));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Local deposit queue poll failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ProcessInOrderAsync(IEnumerable<QueuedMessage> messages, CancellationToken ct)
    {
        var max = options.Value.MaxDeliveryCount;
        foreach (var message in messages)
        {
            try
            {
                await processor.ProcessAsync(message.Message, message.DeliveryCount, max, ct);
                await queue.CompleteAsync(message, ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // The processor logged and recorded the failure; here only the message's fate is decided.
                if (message.DeliveryCount >= max)
                {
                    await queue.ParkAsync(message, ct);
                }
                else
                {
                    await queue.RetryLaterAsync(message, TimeSpan.FromMilliseconds(200 * Math.Pow(2, message.DeliveryCount)), ct);
                }
            }
        }
    }

    private static (string?, string?) ReferenceOf(QueuedMessage message)
    {
        try
        {
            var parsed = DepositMessage.Parse(message.Message);
            return (parsed.TenantId, parsed.Reference);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, null); // unreadable: processing fails and records the reason; grouping must not stop the batch
        }
    }
}
