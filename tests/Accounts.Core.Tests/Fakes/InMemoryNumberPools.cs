using System.Collections.Concurrent;
using System.Globalization;
using Accounts.Core.Accounts.Numbers;

namespace Accounts.Core.Tests.Fakes;

/// <summary>Pool counters with a version per write, refusing an advance from a stale read like the Table store does.</summary>
internal sealed class InMemoryNumberPools : INumberPoolStore
{
    private readonly ConcurrentDictionary<string, PoolCounter> _counters = new(StringComparer.Ordinal);

    public Task<PoolCounter> ReadAsync(string country, CancellationToken ct) =>
        Task.FromResult(_counters.GetValueOrDefault(country) ?? new PoolCounter(country, 0, null));

    public Task<bool> TryAdvanceAsync(PoolCounter current, long next, CancellationToken ct)
    {
        var stored = new PoolCounter(current.Country, next, (next).ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(current.Version is null
            ? _counters.TryAdd(current.Country, stored)
            : _counters.TryUpdate(current.Country, stored, current));
    }
}
