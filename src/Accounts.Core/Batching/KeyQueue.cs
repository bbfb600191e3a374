namespace Accounts.Core.Batching;

/// <summary>What became of an item put in a <see cref="KeyQueue{TItem, TResult}"/>.</summary>
internal enum Enqueued
{
    Joined,
    StartDrainer,
    Retired,
}

/// <summary>Items waiting for one key of a <see cref="GroupCommit{TKey, TItem, TResult}"/>, and how many drainers serve them.</summary>
internal sealed class KeyQueue<TItem, TResult>(int maxDrainers)
{
    private readonly List<GroupMember<TItem, TResult>> _waiting = [];
    private int _drainers;
    private bool _retired;

    public Enqueued Enqueue(GroupMember<TItem, TResult> member)
    {
        lock (_waiting)
        {
            if (_retired)
            {
                return Enqueued.Retired;
            }

            _waiting.Add(member);
            if (_drainers == maxDrainers)
            {
                return Enqueued.Joined;
            }

            _drainers++;
            return Enqueued.StartDrainer;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> waiting members that <paramref name="mayJoin"/> admits (and the oldest), in
    /// arrival order; the rest keep their places. With nothing waiting the asking drainer's role ends, and when it
    /// was the last one the queue retires and <paramref name="unmap"/> removes it: no item can join it any more.
    /// </summary>
    public List<GroupMember<TItem, TResult>> TakeOrRetire(int max, Func<TItem, bool>? mayJoin, Func<bool> unmap)
    {
        lock (_waiting)
        {
            var group = new List<GroupMember<TItem, TResult>>(Math.Min(max, _waiting.Count));
            var left = new List<GroupMember<TItem, TResult>>();
            foreach (var member in _waiting)
            {
                // The rule is asked first even for the oldest member, so it sees every member of the group.
                if (group.Count < max && ((mayJoin?.Invoke(member.Item) ?? true) || group.Count == 0))
                {
                    group.Add(member);
                }
                else
                {
                    left.Add(member);
                }
            }

            _waiting.Clear();
            _waiting.AddRange(left);
            if (group.Count == 0)
            {
                Leave(unmap);
            }

            return group;
        }
    }

    /// <summary>
    /// Fails every waiting member with <paramref name="error"/>; the asking drainer's role ends, and the queue retires
    /// unless another drainer still serves it.
    /// </summary>
    public void FailAllAndRetire(Exception error, Func<bool> unmap)
    {
        List<GroupMember<TItem, TResult>> waiting;
        lock (_waiting)
        {
            waiting = [.. _waiting];
            _waiting.Clear();
            Leave(unmap);
        }

        waiting.ForEach(m => m.Fail(error));
    }

    private void Leave(Func<bool> unmap)
    {
        if (--_drainers == 0)
        {
            _retired = true;
            unmap();
        }
    }
}
