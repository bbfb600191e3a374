using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// The durable queue that stands in for Service Bus when the app runs on its own. Rows sort by enqueue time;
/// a consumer leases a row by moving its VisibleAt forward with an ETag check (so two consumers never hold it
/// at once), and deletes it once handled. A consumer that dies simply lets the lease run out: the row becomes
/// visible again and is redelivered with a higher DeliveryCount.
/// </summary>
public sealed class LocalDepositQueue(StorageTables tables, TimeProvider clock)
{
    private const string Partition = "deposits";

    public async Task EnqueueAsync(string eventId, string message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = new TableEntity(Partition, $"{now.UtcTicks:D19}|{KeyEncoder.Encode(eventId)}|{Guid.NewGuid():N}")
            .Set("EventId", eventId)
            .Set("Message", message)
            .Set("VisibleAt", now)
            .Set("DeliveryCount", 0);
        await tables.DepositQueue.InsertNewAsync(row, $"Queued message of event {eventId}", ct);
    }

    /// <summary>Leases up to <paramref name="max"/> visible messages, oldest first, for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> LeaseAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var filter = TableReads.And(TableReads.Partition(Partition),
            TableReads.Compare("VisibleAt", "le", now.UtcTicks));
        var visible = await tables.DepositQueue.QueryAllAsync(filter, ct, limit: max);
        var leased = await Task.WhenAll(visible.Select(row => TryLeaseAsync(row, now + lease, ct)));
        return leased.OfType<QueuedMessage>().ToList();
    }

    /// <summary>Removes a handled message; false when the lease was lost (another consumer now holds it).</summary>
    public async Task<bool> CompleteAsync(QueuedMessage message, CancellationToken ct)
    {
        try
        {
            return await tables.DepositQueue.DeleteAsync(Partition, message.RowKey, message.ETag, ct);
        }
        catch (RequestFailedException e) when (e.IsConcurrencyConflict())
        {
            return false;
        }
    }

    /// <summary>Makes a failed message visible again after <paramref name="delay"/> (its delivery count stays).</summary>
    public async Task RetryLaterAsync(QueuedMessage message, TimeSpan delay, CancellationToken ct)
    {
        var row = new TableEntity(Partition, message.RowKey).WithVersion(message.ETag)
            .Set("VisibleAt", clock.GetUtcNow() + delay);
        try
        {
            await tables.DepositQueue.MergeAsync(row, ct);
        }
        catch (RequestFailedException e) when (e.IsConcurrencyConflict() || e.Is(StorageStatus.NotFound))
        {
            // Lease lost: the message is already visible to, or held by, another consumer; nothing to release.
        }
    }

    /// <summary>
    /// Parks a message that kept failing: it stays in the table (nothing accepted is deleted) but is never leased
    /// again; its event's record says DeadLettered.
    /// </summary>
    public async Task ParkAsync(QueuedMessage message, CancellationToken ct)
    {
        var row = new TableEntity(Partition, message.RowKey).WithVersion(message.ETag)
            .Set("VisibleAt", DateTimeOffset.MaxValue)
            .Set("ParkedAt", clock.GetUtcNow());
        await tables.DepositQueue.MergeAsync(row, ct);
    }

    public async Task<int> CountAsync(CancellationToken ct) =>
        (await tables.DepositQueue.QueryAllAsync(TableReads.Partition(Partition), ct)).Count;

    private async Task<QueuedMessage?> TryLeaseAsync(TableEntity row, DateTimeOffset visibleAt, CancellationToken ct)
    {
        var deliveries = (row.GetInt32OrNull("DeliveryCount") ?? 0) + 1;
        row.Set("VisibleAt", visibleAt).Set("DeliveryCount", deliveries);
        try
        {
            var version = await tables.DepositQueue.ReplaceAsync(row, ct);
            return new QueuedMessage(row.RowKey, version, deliveries, row.RequireString("Message"));
        }
        catch (RequestFailedException e) when (e.IsConcurrencyConflict() || e.Is(StorageStatus.NotFound))
        {
            return null; // another consumer leased or completed it first
        }
    }
}
