using Accounts.Core.Batching;
using Accounts.Core.Deposits;
using Accounts.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone: puts accepted events on the storage deposit queue, and wakes this process's worker. With
/// Deposits:QueueMessageEvents at 1 (the default) each event is its own message. Above 1, since the queue has no batch
/// send, sends that wait while one is in flight go out together as one message (group commit over a single key: one
/// send at a time, the next carrying whatever arrived meanwhile, in arrival order, up to that many events and
/// <see cref="DepositQueueBatch.MaxBodyBytes"/>); a lone event still goes in the one-event format. A caller's send
/// completes only once the message holding its event is in the queue; if that send fails, every caller of the group
/// fails, and their events stay in the outbox for the sweeper.
/// </summary>
public sealed class LocalQueueSender : IDepositSender
{
    private readonly DepositQueue _queue;
    private readonly DepositQueueSignal _signal;
    private readonly GroupCommit<int, string, bool>? _messages;

    public LocalQueueSender(DepositQueue queue, DepositQueueSignal signal, IOptions<DepositOptions> options)
    {
        _queue = queue;
        _signal = signal;
        var events = options.Value.QueueMessageEvents;
        _messages = events == 1
            ? null
            : new GroupCommit<int, string, bool>(events, (_, group) => SendAsync(group), joinRule: DepositQueueBatch.NewFillRule);
    }

    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        if (_messages is null)
        {
            await _queue.SendAsync(message, ct);
        }
        else
        {
            await _messages.SubmitAsync(0, message, ct);
        }

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
