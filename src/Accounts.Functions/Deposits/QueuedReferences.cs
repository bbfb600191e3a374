namespace Accounts.Functions.Deposits;

/// <summary>
/// Standalone: the events this process put on the local queue instead of applying them on receipt, by deposit
/// reference (tenant, reference), until this process's worker settles each (its outcome recorded, or dead-lettered). A
/// later event of such a reference goes to the queue behind them rather than being applied on receipt, so it cannot
/// overtake: the lifecycle's outcome can depend on the order (a rejection before its settlement stops the credit).
/// Events are kept by id, so a replay settling an event twice changes nothing. An event that another process's worker
/// settles stays here, and its reference's later events simply take the queue. Past <see cref="MaxTracked"/> events
/// nothing is applied on receipt any more, until the process restarts.
/// </summary>
public sealed class QueuedReferences
{
    public const int MaxTracked = 100_000;

    private readonly Dictionary<(string, string), HashSet<string>> _events = [];
    private int _count;
    private bool _overflowed;

    /// <summary>Whether an event of <paramref name="reference"/> may be waiting in the queue.</summary>
    public bool Has((string, string) reference)
    {
        lock (_events)
        {
            return _overflowed || _events.ContainsKey(reference);
        }
    }

    /// <summary>Event <paramref name="eventId"/> of <paramref name="reference"/> is going to the queue.</summary>
    public void Add((string, string) reference, string eventId)
    {
        lock (_events)
        {
            if (_count >= MaxTracked)
            {
                _overflowed = true;
                return;
            }

            if (!_events.TryGetValue(reference, out var events))
            {
                _events[reference] = events = [];
            }

            if (events.Add(eventId))
            {
                _count++;
            }
        }
    }

    /// <summary>This process's worker settled event <paramref name="eventId"/> of <paramref name="reference"/>.</summary>
    public void Settled((string, string) reference, string eventId)
    {
        lock (_events)
        {
            if (_events.TryGetValue(reference, out var events) && events.Remove(eventId))
            {
                _count--;
                if (events.Count == 0)
                {
                    _events.Remove(reference);
                }
            }
        }
    }
}
