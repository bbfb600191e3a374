using System.Collections.Concurrent;

namespace Accounts.Core.Batching;

/// <summary>
/// Group commit: items submitted under the same key while an earlier group of that key is being committed wait, and
/// are then committed together, so under load a commit serves many callers. Per key exactly one drainer runs at a
/// time, so a key's groups are committed one after another, in order; it is started by the submit that finds the key
/// idle, on a background task that finishes even if that caller stops waiting (other callers' items ride in its groups).
/// A key with nothing waiting is dropped from the map, so the map holds only keys in use; a later submit starts a new drainer.
/// </summary>
/// <remarks>
/// <c>commit</c> completes each member of the group it is given. If it throws, the members it left open fail with
/// that exception; members of other groups and keys are not affected.
/// </remarks>
public sealed class GroupCommit<TKey, TItem, TResult>
    where TKey : notnull
{
    private readonly int _maxGroup;
    private readonly Func<TKey, IReadOnlyList<GroupMember<TItem, TResult>>, Task> _commit;
    private readonly Func<Func<TItem, bool>>? _joinRule;
    private readonly ConcurrentDictionary<TKey, KeyQueue<TItem, TResult>> _queues;

    /// <param name="maxGroup">The most items in one group.</param>
    /// <param name="commit">Commits one group of one key and completes its members.</param>
    /// <param name="keys">How keys compare.</param>
    /// <param name="joinRule">
    /// Makes, for each group being taken, the rule that says whether a waiting item may join it; it is asked in order
    /// of arrival while the group has room, and an item it refuses waits for a later group. The oldest waiting item
    /// joins whatever the rule says (the rule still sees it), so every group makes progress.
    /// </param>
    public GroupCommit(
        int maxGroup,
        Func<TKey, IReadOnlyList<GroupMember<TItem, TResult>>, Task> commit,
        IEqualityComparer<TKey>? keys = null,
        Func<Func<TItem, bool>>? joinRule = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        _maxGroup = maxGroup;
        _commit = commit;
        _joinRule = joinRule;
        _queues = new ConcurrentDictionary<TKey, KeyQueue<TItem, TResult>>(keys);
    }

    /// <summary>Keys with a queue in the map; idle keys are dropped, so this counts only keys in use.</summary>
    internal int KeysInUse => _queues.Count;

    /// <summary>Waits for <paramref name="item"/> to be committed in a group of <paramref name="key"/>.</summary>
    /// <remarks><paramref name="ct"/> stops only the waiting; the item stays queued and is committed all the same.</remarks>
    public Task<TResult> SubmitAsync(TKey key, TItem item, CancellationToken ct)
    {
        var member = new GroupMember<TItem, TResult>(item);
        while (true)
        {
            var queue = _queues.GetOrAdd(key, _ => new KeyQueue<TItem, TResult>());
            switch (queue.Enqueue(member))
            {
                case Enqueued.Retired:
                    // Its drainer retired (and unmapped) this queue after the lookup; the next lookup makes its successor.
                    continue;
                case Enqueued.StartDrainer:
                    _ = Task.Run(() => DrainAsync(key, queue), CancellationToken.None);
                    break;
            }

            return member.Outcome.WaitAsync(ct);
        }
    }

    private async Task DrainAsync(TKey key, KeyQueue<TItem, TResult> queue)
    {
        // Idle queues leave the map, so it does not grow with every key ever used. Only this queue is removed, never a
        // successor, and it is removed under its lock as it retires, so no item can slip into a queue no drainer serves.
        var unmap = () => _queues.TryRemove(new KeyValuePair<TKey, KeyQueue<TItem, TResult>>(key, queue));
        while (true)
        {
            List<GroupMember<TItem, TResult>> group;
            try
            {
                group = queue.TakeOrRetire(_maxGroup, _joinRule?.Invoke(), unmap);
            }
            catch (Exception ex)
            {
                // A join rule that throws must not leave the key marked as drained by no one: whatever waits fails with
                // it, and the key starts over with the next item.
                queue.FailAllAndRetire(ex, unmap);
                return;
            }

            if (group.Count == 0)
            {
                return;
            }

            try
            {
                await _commit(key, group);
            }
            catch (Exception ex)
            {
                group.ForEach(m => m.Fail(ex));
            }

            // A member left open would keep its caller waiting for ever.
            foreach (var open in group.Where(m => !m.Outcome.IsCompleted))
            {
                open.Fail(new InvalidOperationException("The group's commit gave this item no outcome"));
            }
        }
    }
}
