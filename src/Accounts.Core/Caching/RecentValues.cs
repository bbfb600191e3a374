namespace Accounts.Core.Caching;

/// <summary>
/// Values read from storage, each kept for at most <c>bound</c> after it was read or written on this instance, so a
/// change made on another instance shows here within that bound and one made here at once: its writer calls
/// <see cref="Remember"/> or <see cref="Forget"/>, and a read that was under way meanwhile keeps nothing
/// (<see cref="BeforeRead"/>, <see cref="RememberRead"/>), so it cannot put back what the change replaced. A value that
/// never changes is kept with <see cref="Timeout.InfiniteTimeSpan"/>; a zero bound keeps nothing. Bounded in count as
/// well: when full it starts over, which only costs a storage read per caller.
/// </summary>
public sealed class RecentValues<TKey, TValue>(TimeSpan bound, int capacity, TimeProvider clock)
    where TKey : notnull
{
    private readonly Dictionary<TKey, (TValue Value, DateTimeOffset Until)> _values = [];
    private long _changes;

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_values)
        {
            if (_values.TryGetValue(key, out var kept) && kept.Until > clock.GetUtcNow())
            {
                value = kept.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>What this instance just wrote: kept, and reads under way keep nothing.</summary>
    public void Remember(TKey key, TValue value)
    {
        lock (_values)
        {
            _changes++;
            Keep(key, value);
        }
    }

    /// <summary>What this instance changed or may have changed: dropped, and reads under way keep nothing.</summary>
    public void Forget(TKey key)
    {
        lock (_values)
        {
            _changes++;
            _values.Remove(key);
        }
    }

    /// <summary>Taken before a read from storage starts; give it to <see cref="RememberRead"/>.</summary>
    public long BeforeRead()
    {
        lock (_values)
        {
            return _changes;
        }
    }

    /// <summary>Keeps what a read found, unless a change was made here since <paramref name="before"/>.</summary>
    public void RememberRead(TKey key, TValue value, long before)
    {
        lock (_values)
        {
            if (_changes == before)
            {
                Keep(key, value);
            }
        }
    }

    private void Keep(TKey key, TValue value)
    {
        if (bound == TimeSpan.Zero)
        {
            return;
        }

        if (_values.Count >= capacity)
        {
            _values.Clear();
        }

        _values[key] = (value, bound == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + bound);
    }
}
