namespace Accounts.Core.Notifications;

/// <summary>Endpoints, events and deliveries of each tenant, and the outbox of due work.</summary>
public interface INotificationStore
{
    /// <summary>Throws ConcurrencyException if the id exists.</summary>
    Task<WebhookEndpoint> InsertEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct);

    /// <summary>Replaces at its version; throws ConcurrencyException when it changed.</summary>
    Task<WebhookEndpoint> UpdateEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct);

    Task<bool> DeleteEndpointAsync(string tenantId, string endpointId, CancellationToken ct);

    Task<WebhookEndpoint?> GetEndpointAsync(string tenantId, string endpointId, CancellationToken ct);

    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(string tenantId, CancellationToken ct);

    /// <summary>False when an event with this id exists (a second dispatch of the same change).</summary>
    Task<bool> TryInsertEventAsync(NotificationEvent notification, CancellationToken ct);

    Task<NotificationEvent?> GetEventAsync(string tenantId, string eventId, CancellationToken ct);

    /// <summary>False when it exists.</summary>
    Task<bool> TryInsertDeliveryAsync(Delivery delivery, CancellationToken ct);

    Task<Delivery?> GetDeliveryAsync(DeliveryKey key, CancellationToken ct);

    /// <summary>Replaces at its version; throws ConcurrencyException when it changed.</summary>
    Task<Delivery> UpdateDeliveryAsync(Delivery delivery, CancellationToken ct);

    Task<IReadOnlyList<Delivery>> ListDeliveriesOfEventAsync(string tenantId, string eventId, CancellationToken ct);

    /// <summary>The endpoint's deliveries, newest event first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<Delivery>> ListDeliveriesOfEndpointAsync(string tenantId, string endpointId, int max, CancellationToken ct);

    /// <summary>Writes the row (replacing one with the same key) and returns it with its version.</summary>
    Task<DueItem> PutDueAsync(DueItem item, CancellationToken ct);

    Task<IReadOnlyList<DueItem>> DueAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>
    /// Removes the row if still at <see cref="DueItem.Version"/> (any version when null). False when it was rewritten
    /// meanwhile (it stays for whoever rewrote it) or is gone.
    /// </summary>
    Task<bool> RemoveDueAsync(DueItem item, CancellationToken ct);
}

/// <summary>Hands a delivery to the queue that drives attempts, to be received after <c>delay</c>.</summary>
public interface IDeliverySender
{
    Task SendAsync(DeliveryKey key, TimeSpan delay, CancellationToken ct);
}
