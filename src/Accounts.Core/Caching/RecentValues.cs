using System.Collections.Concurrent;

namespace Accounts.Core.Caching;

/// <summary>
/// Values read from storage, each kept for at most <c>bound</c> after it was read or written on this instance, so
/// a change made on another instance shows here within that bound and one made here at once (its writer calls
/// <see cref="Remember"/> or <see cref="Forget"/>). A value that never changes is kept with
/// <see cref="Timeout.InfiniteTimeSpan"/>. Bounded in count as well: when full it starts over, which only costs a
/// storage read per caller.
/// </summary>
public sealed class RecentValues<TKey, TValue>(TimeSpan bound, int capacity, TimeProvider clock)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Until)> _values = new();

    public bool TryGet(TKey key, out TValue value)
    {
        if (_values.TryGetValue(key, out var kept) && kept.Until > clock.GetUtcNow())
        {
            value = kept.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Remember(TKey key, TValue value)
    {
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }

        _values[key] = (value, bound == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + bound);
    }

    public void Forget(TKey key) => _values.TryRemove(key, out _);
}
