using System.Text.Json;
using Accounts.Core.Deposits;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// The shared outbox row: RowKey "{earliest arrival ticks}|~{random id}", DueAt the latest of its events' (so every
/// event in a due row is due: none is swept while its webhook may still be running), and
/// "Events", a JSON array of the events' keys ({"t": tenant, "r": reference, "y": type, "a": arrival ticks, "d": due
/// ticks}). Single-event rows have no "Events". An older version cannot read a shared row, so Deposits:OutboxRowEvents
/// is raised only once every instance runs a version that reads them (README "Outbox: every accepted event reaches the queue").
/// </summary>
internal static class OutboxRows
{
    /// <summary>The most events in one row: 32 keys of at most 128-character references stay far within a property's 64 KiB.</summary>
    public const int MaxEvents = 32;

    private const string Events = "Events";

    public static TableEntity Row(string partition, IReadOnlyList<DepositOutboxEntry> entries)
    {
        var first = entries.MinBy(e => e.ReceivedAt)!;
        var keys = entries.Select(e => new Key(e.TenantId, e.Reference, e.Type.ToString(), e.ReceivedAt.UtcTicks, e.DueAt.UtcTicks)).ToList();
        return new TableEntity(partition, $"{first.ReceivedAt.UtcTicks:D19}|~{Guid.NewGuid():N}")
            .Set(Events, JsonSerializer.Serialize(keys))
            .Set("DueAt", entries.Max(e => e.DueAt));
    }

    /// <summary>The events of a shared row; null for a single-event row.</summary>
    public static IReadOnlyList<DepositOutboxEntry>? Entries(TableEntity row)
    {
        if (row.GetStringOrNull(Events) is not { } json)
        {
            return null;
        }

        var keys = JsonSerializer.Deserialize<List<Key>>(json)
            ?? throw new InvalidDataException($"Outbox row {row.PartitionKey}/{row.RowKey} has no events");
        return keys.Select(k => new DepositOutboxEntry(k.t, k.r, Enum.Parse<DepositEventType>(k.y), new DateTimeOffset(k.a, TimeSpan.Zero))
            {
                DueAt = new DateTimeOffset(k.d, TimeSpan.Zero),
            })
            .ToList();
    }

    /// <summary>A shared row as this instance knows it: removed from storage once none of its events remains.</summary>
    public sealed class Held(string partition, string rowKey, int events)
    {
        private int remaining = events;

        public string Partition { get; } = partition;

        public string RowKey { get; } = rowKey;

        /// <summary>True for the removal that leaves the row empty.</summary>
        public bool RemoveOne() => Interlocked.Decrement(ref remaining) == 0;
    }

#pragma warning disable IDE1006 // short JSON names: the row holds up to 32 of these
    private sealed record Key(string t, string r, string y, long a, long d);
#pragma warning restore IDE1006
}
