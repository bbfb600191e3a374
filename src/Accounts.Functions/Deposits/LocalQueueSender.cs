using Accounts.Storage.Deposits;

namespace Accounts.Functions.Deposits;

/// <summary>Standalone: the durable local queue, and a wake-up for this process's worker.</summary>
public sealed class LocalQueueSender(LocalDepositQueue queue, DepositQueueSignal signal) : IDepositSender
{
    public bool ConfirmsDelivery => true;

    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        await queue.EnqueueAsync(eventId, message, ct);
        signal.Notify();
    }
}
