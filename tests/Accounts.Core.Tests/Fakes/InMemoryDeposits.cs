using System.Collections.Concurrent;
using System.Globalization;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Core.Tests.Fakes;

/// <summary>
/// The deposit pipeline's ports in memory, writing every store and queue operation to one <see cref="Journal"/>, so a
/// test can assert their order (the outbox row before the record, the send before the row goes).
/// </summary>
internal sealed class InMemoryDeposits : IDepositRecordStore, IDepositOutbox, IDepositSender, IDepositMessageFormat
{
    private readonly ConcurrentDictionary<(string, string, DepositEventType), DepositRecord> _records = new();
    private readonly ConcurrentDictionary<DepositOutboxEntry, DepositOutboxEntry> _outbox = new();
    private int _version;

    public List<string> Journal { get; } = [];

    public List<string> Sent { get; } = [];

    // Sends finish in the background, so the journal is written from several threads.
    private void Log(string line)
    {
        lock (Journal)
        {
            Journal.Add(line);
        }
    }

    /// <summary>When set, a send throws it instead of queueing.</summary>
    public Exception? SendFailure { get; set; }

    public IReadOnlyCollection<DepositOutboxEntry> Outbox => _outbox.Values.ToList();

    public Task<(bool Inserted, DepositRecord Record)> TryInsertAsync(DepositRecord record, CancellationToken ct)
    {
        Log("record " + record.Reference);
        var fresh = record with { Version = Next() };
        var inserted = _records.TryAdd((record.TenantId, record.Reference, record.Type), fresh);
        return Task.FromResult((inserted, inserted ? fresh : _records[(record.TenantId, record.Reference, record.Type)]));
    }

    public Task<DepositRecord?> GetAsync(string tenantId, string reference, DepositEventType type, CancellationToken ct) =>
        Task.FromResult(_records.GetValueOrDefault((tenantId, reference, type)));

    public Task<IReadOnlyList<DepositRecord>> ListByReferenceAsync(string tenantId, string reference, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DepositRecord>>(_records.Values.Where(r => r.TenantId == tenantId && r.Reference == reference).ToList());

    public Task<IReadOnlyList<DepositRecord>> ListDeadLetteredAsync(string tenantId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DepositRecord>>(_records.Values.Where(r => r.Status == DepositStatus.DeadLettered).ToList());

    public Task<DepositRecord> UpdateAsync(DepositRecord record, CancellationToken ct)
    {
        var key = (record.TenantId, record.Reference, record.Type);
        var current = _records[key];
        var updated = record with { Version = Next() };
        return current.Version == record.Version && _records.TryUpdate(key, updated, current)
            ? Task.FromResult(updated)
            : throw new ConcurrencyException("the record changed");
    }

    public Task<bool> TryRecordOutcomeAsync(DepositRecord record, CancellationToken ct)
    {
        var key = (record.TenantId, record.Reference, record.Type);
        if (!_records.TryGetValue(key, out var current))
        {
            return Task.FromResult(false);
        }

        _records[key] = current with
        {
            Status = record.Status, Reason = record.Reason, Attempts = record.Attempts, ProcessedAt = record.ProcessedAt,
            AccountId = record.AccountId, EntryId = record.EntryId, Version = Next(),
        };
        return Task.FromResult(true);
    }

    public Task AddAsync(DepositOutboxEntry entry, CancellationToken ct)
    {
        Log("outbox+ " + entry.Reference);
        _outbox[entry with { DueAt = default }] = entry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DepositOutboxEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DepositOutboxEntry>>(_outbox.Values.Where(e => e.DueAt <= now).OrderBy(e => e.ReceivedAt).Take(max).ToList());

    public Task RemoveAsync(DepositOutboxEntry entry, CancellationToken ct)
    {
        Log("outbox- " + entry.Reference);
        _outbox.TryRemove(entry with { DueAt = default }, out _);
        return Task.CompletedTask;
    }

    /// <summary>When set, a send is held until it completes (the queue is slow).</summary>
    public TaskCompletionSource? SendGate { get; set; }

    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        Log("send " + eventId);

        if (SendFailure is { } failure)
        {
            throw failure;
        }

        if (SendGate is { } gate)
        {
            await gate.Task;
        }

        lock (Sent)
        {
            Sent.Add(message);
        }
    }

    /// <summary>A plain text message (the host's is JSON): every field of the event, '|'-separated.</summary>
    public string Write(DepositEvent d) => string.Join('|', d.TenantId, d.Type, d.Reference, d.AccountNumber, d.Amount.ToString(),
        d.Amount.Currency.Code, d.Narration, d.OccurredAt.ToString("O", CultureInfo.InvariantCulture), d.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));

    public DepositEvent Read(string message)
    {
        var f = message.Split('|');
        if (f.Length != 9 || !Currency.TryGet(f[5], out var currency))
        {
            throw new InvalidDataException("not a deposit message");
        }

        return new DepositEvent(f[0], Enum.Parse<DepositEventType>(f[1]), f[2], f[3], Money.Money.Parse(f[4], currency, "amount"), null,
            f[6].Length == 0 ? null : f[6], Time(f[7]), Time(f[8]));
    }

    public string Name(DepositEventType type) => "event " + type;

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private string Next() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
}
