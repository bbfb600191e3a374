using System.Collections.Concurrent;
using Accounts.Core.Errors;
using Accounts.Core.Idempotency;

namespace Accounts.Core.Tests.Fakes;

/// <summary>Insert-if-absent and version-checked replace in memory, as the Table Storage adapter does them.</summary>
internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, IdempotencyRecord> _records = new();
    private int _version;

    public int Count => _records.Count;

    public Task<(bool Inserted, IdempotencyRecord Record)> TryInsertAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var stored = record with { Version = NextVersion() };
        return Task.FromResult(_records.TryAdd(Key(record), stored) ? (true, stored) : (false, _records[Key(record)]));
    }

    public Task<IdempotencyRecord> ReplaceAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var current = _records[Key(record)];
        var next = record with { Version = NextVersion() };
        return current.Version == record.Version && _records.TryUpdate(Key(record), next, current)
            ? Task.FromResult(next)
            : throw new ConcurrencyException("stale idempotency record");
    }

    public Task DeleteAsync(IdempotencyRecord record, CancellationToken ct)
    {
        var current = _records[Key(record)];
        return current.Version == record.Version && _records.TryRemove(new KeyValuePair<string, IdempotencyRecord>(Key(record), current))
            ? Task.CompletedTask
            : throw new ConcurrencyException("stale idempotency record");
    }

    private string NextVersion() => Interlocked.Increment(ref _version).ToString();

    private static string Key(IdempotencyRecord r) => $"{r.TenantId}|{r.Scope}|{r.Key}";
}
