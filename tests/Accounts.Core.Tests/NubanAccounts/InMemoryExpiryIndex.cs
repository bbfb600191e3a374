using System.Collections.Concurrent;
using Accounts.Core.NubanAccounts;

namespace Accounts.Core.Tests.NubanAccounts;

/// <summary>The expiry index by minute, as the Table store keeps it; counts rows handed out to show what was read.</summary>
internal sealed class InMemoryExpiryIndex : IExpiryIndex
{
    private readonly ConcurrentDictionary<ExpiryEntry, byte> _entries = new();

    public int RowsRead { get; private set; }

    public int Count => _entries.Count;

    public Task AddAsync(ExpiryEntry entry, CancellationToken ct)
    {
        _entries[entry] = 0;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ExpiryEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var due = _entries.Keys.Where(e => e.ExpiresAt < now).OrderBy(e => e.ExpiresAt).Take(max).ToList();
        RowsRead += due.Count;
        return Task.FromResult<IReadOnlyList<ExpiryEntry>>(due);
    }

    public Task RemoveAsync(ExpiryEntry entry, CancellationToken ct)
    {
        _entries.TryRemove(entry, out _);
        return Task.CompletedTask;
    }
}
