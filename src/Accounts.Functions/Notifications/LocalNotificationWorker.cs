using Accounts.Core.Notifications;
using Accounts.Functions.Api;
using Accounts.Storage.Notifications;
using Accounts.Storage.Queues;

namespace Accounts.Functions.Notifications;

/// <summary>
/// Standalone stand-in for the DeliverNotification trigger: receives delivery messages from the storage queue and
/// attempts them concurrently (a slow endpoint holds only its own message, never deposits). A message is deleted once
/// handled; one that fails to be handled (storage trouble) comes back after its visibility timeout, and after a few
/// tries is dropped: its delivery's due row brings it back through the sweeper.
/// </summary>
public sealed class LocalNotificationWorker(NotificationQueue queue, DeliveryProcessor processor, NotificationSignal signal,
    StartupGate gate, ILogger<LocalNotificationWorker> logger) : BackgroundService
{
    private const int MaxDequeues = 5;
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstIdlePoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxIdlePoll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!gate.IsOpen)
        {
            await Task.Delay(FirstIdlePoll, stoppingToken); // storage not ready yet (WaitAsync would throw while it is down)
        }

        var idle = FirstIdlePoll;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(NotificationQueue.MaxBatch, Visibility, stoppingToken);
                if (batch.Count == 0)
                {
                    var woken = await signal.WaitAsync(idle, stoppingToken);
                    idle = woken ? FirstIdlePoll : TimeSpan.FromTicks(Math.Min(MaxIdlePoll.Ticks, idle.Ticks * 2));
                    continue;
                }

                idle = FirstIdlePoll;
                await Task.WhenAll(batch.Select(message => HandleAsync(message, stoppingToken)));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Notification queue {Queue} poll failed; retrying", queue.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task HandleAsync(QueueDelivery message, CancellationToken ct)
    {
        try
        {
            await processor.ProcessAsync(DeliveryMessage.Read(message.Body), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Notification message {MessageId} failed (try {Try})", message.MessageId, message.DequeueCount);
            if (message.DequeueCount < MaxDequeues)
            {
                return; // visible again after its timeout
            }
        }

        await queue.DeleteAsync(message, ct);
    }
}
