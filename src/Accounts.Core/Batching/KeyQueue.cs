namespace Accounts.Core.Batching;

/// <summary>What became of an item put in a <see cref="KeyQueue{TItem, TResult}"/>.</summary>
internal enum Enqueued
{
    Joined,
    StartDrainer,
    Retired,
}

/// <summary>Items waiting for one key of a <see cref="GroupCommit{TKey, TItem, TResult}"/>, and whether a drainer serves them.</summary>
internal sealed class KeyQueue<TItem, TResult>
{
    private readonly List<GroupMember<TItem, TResult>> _waiting = [];
    private bool _draining;
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
            if (_draining)
            {
                return Enqueued.Joined;
            }

            _draining = true;
            return Enqueued.StartDrainer;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> waiting members that <paramref name="mayJoin"/> admits (and the oldest), in
    /// arrival order; the rest keep their places. With nothing waiting the queue retires and <paramref name="unmap"/>
    /// removes it: the drainer's role ends and no item can join it any more.
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
                Retire(unmap);
            }

            return group;
        }
    }

    /// <summary>Fails every waiting member with <paramref name="error"/> and retires the queue.</summary>
    public void FailAllAndRetire(Exception error, Func<bool> unmap)
    {
        List<GroupMember<TItem, TResult>> waiting;
        lock (_waiting)
        {
            waiting = [.. _waiting];
            _waiting.Clear();
            Retire(unmap);
        }

        waiting.ForEach(m => m.Fail(error));
    }

    private void Retire(Func<bool> unmap)
    {
        _retired = true;
        unmap();
    }
}
