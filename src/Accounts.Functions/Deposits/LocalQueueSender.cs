using Accounts.Storage.Queues;

namespace Accounts.Functions.Deposits;

/// <summary>Standalone: the storage deposit queue, and a wake-up for this process's worker.</summary>
public sealed class LocalQueueSender(DepositQueue queue, DepositQueueSignal signal) : IDepositSender
{
    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        await queue.SendAsync(message, ct);
        signal.Notify();
    }
}
