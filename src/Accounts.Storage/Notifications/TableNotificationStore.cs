using Accounts.Core.Errors;
using Accounts.Core.Notifications;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Notifications;

/// <summary>Endpoints, events and deliveries per tenant partition (<see cref="NotificationRows"/>); due work in <see cref="DueRows"/>.</summary>
public sealed class TableNotificationStore(StorageTables tables) : INotificationStore
{
    private readonly StorageTable _table = tables.Notifications;
    private readonly StorageTable _due = tables.NotificationDue;

    public async Task<WebhookEndpoint> InsertEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct)
    {
        var version = await _table.InsertNewAsync(NotificationRows.From(endpoint with { Version = null }), $"endpoint {endpoint.Id}", ct);
        return endpoint with { Version = version };
    }

    public async Task<WebhookEndpoint> UpdateEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct)
    {
        var version = await _table.ReplaceIfCurrentAsync(NotificationRows.From(endpoint), $"endpoint {endpoint.Id}", ct);
        return endpoint with { Version = version };
    }

    public Task<bool> DeleteEndpointAsync(string tenantId, string endpointId, CancellationToken ct) =>
        _table.DeleteAsync(NotificationRows.Partition(tenantId), NotificationRows.EndpointKey(endpointId), version: null, ct);

    public async Task<WebhookEndpoint?> GetEndpointAsync(string tenantId, string endpointId, CancellationToken ct) =>
        await _table.GetAsync(NotificationRows.Partition(tenantId), NotificationRows.EndpointKey(endpointId), ct) is { } row
            ? NotificationRows.ToEndpoint(row)
            : null;

    public async Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(string tenantId, CancellationToken ct)
    {
        var rows = await _table.QueryAllAsync(
            TableReads.RowRange(NotificationRows.Partition(tenantId), NotificationRows.EndpointPrefix, NotificationRows.EndpointEnd), ct);
        return rows.Select(NotificationRows.ToEndpoint).OrderBy(e => e.CreatedAt).ToList();
    }

    public async Task<bool> TryInsertEventAsync(NotificationEvent notification, CancellationToken ct) =>
        await _table.TryInsertAsync(NotificationRows.From(notification), ct) is not null;

    public async Task<NotificationEvent?> GetEventAsync(string tenantId, string eventId, CancellationToken ct) =>
        await _table.GetAsync(NotificationRows.Partition(tenantId), NotificationRows.EventKey(eventId), ct) is { } row
            ? NotificationRows.ToEvent(row)
            : null;

    public async Task<bool> TryInsertDeliveryAsync(Delivery delivery, CancellationToken ct) =>
        await _table.TryInsertAsync(NotificationRows.From(delivery with { Version = null }), ct) is not null;

    public async Task<Delivery?> GetDeliveryAsync(DeliveryKey key, CancellationToken ct) =>
        await _table.GetAsync(NotificationRows.Partition(key.TenantId), NotificationRows.DeliveryKey(key.EventId, key.EndpointId), ct) is { } row
            ? NotificationRows.ToDelivery(row)
            : null;

    public async Task<Delivery> UpdateDeliveryAsync(Delivery delivery, CancellationToken ct)
    {
        var version = await _table.ReplaceIfCurrentAsync(NotificationRows.From(delivery), $"delivery {delivery.EventId}/{delivery.EndpointId}", ct);
        return delivery with { Version = version };
    }

    public async Task<IReadOnlyList<Delivery>> ListDeliveriesOfEventAsync(string tenantId, string eventId, CancellationToken ct)
    {
        var prefix = NotificationRows.DeliveryKey(eventId, string.Empty);
        var rows = await _table.QueryAllAsync(TableReads.RowRange(NotificationRows.Partition(tenantId), prefix, prefix[..^1] + "}"), ct);
        return rows.Select(NotificationRows.ToDelivery).ToList();
    }

    public async Task<IReadOnlyList<Delivery>> ListDeliveriesOfEndpointAsync(string tenantId, string endpointId, int max, CancellationToken ct)
    {
        // Event ids are hashes, not times: the tenant's deliveries are read and ordered here.
        var filter = TableReads.And(
            TableReads.RowRange(NotificationRows.Partition(tenantId), NotificationRows.DeliveryPrefix, NotificationRows.DeliveryEnd),
            TableReads.Compare("EndpointId", "eq", endpointId));
        var rows = await _table.QueryAllAsync(filter, ct);
        return rows.Select(NotificationRows.ToDelivery).OrderByDescending(d => d.CreatedAt).Take(max).ToList();
    }

    public async Task<DueItem> PutDueAsync(DueItem item, CancellationToken ct)
    {
        var response = await _due.RunAsync(bounded => _due.Client.UpsertEntityAsync(DueRows.From(item), TableUpdateMode.Replace, bounded), ct);
        return item with { Version = response.Headers.ETag?.ToString() };
    }

    public async Task<IReadOnlyList<DueItem>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var filter = TableReads.And(TableReads.Partition(DueRows.Partition), TableReads.Compare("DueAt", "le", now.UtcTicks));
        var rows = await _due.QueryAllAsync(filter, ct, limit: max);
        return rows.Select(DueRows.To).ToList();
    }

    public async Task<bool> RemoveDueAsync(DueItem item, CancellationToken ct)
    {
        try
        {
            return await _due.DeleteAsync(DueRows.Partition, DueRows.Key(item), item.Version, ct);
        }
        catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed))
        {
            return false; // rewritten meanwhile: the row stays for whoever rewrote it
        }
    }
}
