using Accounts.Core.Batching;
using Accounts.Core.Deposits;
using Accounts.Storage.Queues;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone: puts accepted events on the storage deposit queue, and wakes this process's worker. The queue has no
/// batch send, so sends that wait while one is in flight go out together as one message (group commit over a single
/// key: one send at a time, the next carrying whatever arrived meanwhile, up to <see cref="DepositQueueBatch.MaxEvents"/>
/// events and <see cref="DepositQueueBatch.MaxBodyBytes"/>). A lone event goes as its own message, in the format every
/// message had before batches. A caller's send completes only once the message holding its event is in the queue; if
/// that send fails, every caller of the group fails, and their events stay in the outbox for the sweeper.
/// </summary>
public sealed class LocalQueueSender : IDepositSender
{
    private readonly DepositQueue _queue;
    private readonly DepositQueueSignal _signal;
    private readonly GroupCommit<int, string, bool> _messages;

    public LocalQueueSender(DepositQueue queue, DepositQueueSignal signal)
    {
        _queue = queue;
        _signal = signal;
        _messages = new GroupCommit<int, string, bool>(DepositQueueBatch.MaxEvents, (_, group) => SendAsync(group),
            joinRule: DepositQueueBatch.NewFillRule);
    }

    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        await _messages.SubmitAsync(0, message, ct);
        _signal.Notify();
    }

    // Not cancelled by any one caller: the message carries the others' events too.
    private async Task SendAsync(IReadOnlyList<GroupMember<string, bool>> group)
    {
        await _queue.SendAsync(DepositQueueBatch.Write(group.Select(m => m.Item).ToList()), CancellationToken.None);
        foreach (var member in group)
        {
            member.Complete(true);
        }
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
