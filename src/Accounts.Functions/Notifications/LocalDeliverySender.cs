using Accounts.Core.Notifications;
using Accounts.Storage.Notifications;

namespace Accounts.Functions.Notifications;

/// <summary>Standalone: queues a delivery on the storage queue and wakes this process's worker when it is due now.</summary>
public sealed class LocalDeliverySender(NotificationQueue queue, NotificationSignal signal) : IDeliverySender
{
    public async Task SendAsync(DeliveryKey key, TimeSpan delay, CancellationToken ct)
    {
        await queue.SendAsync(DeliveryMessage.Write(key), delay, ct);
        if (delay <= TimeSpan.Zero)
        {
            signal.Notify();
        }
    }
}

/// <summary>Wakes the local delivery worker, so a delivery due now is not left for the next poll.</summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every message queued meanwhile.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
