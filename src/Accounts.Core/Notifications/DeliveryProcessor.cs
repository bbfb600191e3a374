using Accounts.Core.Errors;

namespace Accounts.Core.Notifications;

/// <summary>
/// Makes one attempt of a queued delivery and schedules what follows. A message for a delivery that is no longer
/// pending, or not yet due (a copy sent again by the sweeper), is dropped. The attempt first claims the delivery for
/// <see cref="NotificationSettings.Lease"/> with a version-checked write, so two copies of a message never send twice at
/// once; a process that dies while holding it leaves a due row that the sweeper acts on after the lease.
/// </summary>
public sealed class DeliveryProcessor(INotificationStore store, IWebhookTransport transport, IDeliverySender sender,
    NotificationSettings settings, TimeProvider clock)
{
    /// <summary>A message this early for its delivery still counts as due (queues are not exact to the second).</summary>
    private static readonly TimeSpan Early = TimeSpan.FromSeconds(1);

    /// <returns>The delivery after this message, or null when the message was dropped.</returns>
    public async Task<Delivery?> ProcessAsync(DeliveryKey key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var delivery = await store.GetDeliveryAsync(key, ct);
        if (delivery is not { Status: DeliveryStatus.Pending } || delivery.NextAttemptAt > now + Early)
        {
            return null;
        }

        try
        {
            delivery = await store.UpdateDeliveryAsync(delivery with { NextAttemptAt = now + settings.Lease }, ct);
        }
        catch (ConcurrencyException)
        {
            return null; // another copy of the message, or a resend, took it
        }

        var endpoint = await store.GetEndpointAsync(key.TenantId, key.EndpointId, ct);
        var notification = await store.GetEventAsync(key.TenantId, key.EventId, ct);
        if (endpoint is not { Enabled: true } || notification is null)
        {
            var reason = notification is null ? "the event is missing" : "the endpoint was disabled or deleted";
            return await FinishAsync(delivery.WithAttempt(new DeliveryAttempt(now, null, 0, reason)) with
            {
                Status = DeliveryStatus.Failed,
                NextAttemptAt = null,
            }, ct);
        }

        var attempt = await transport.SendAsync(endpoint, notification, ct);
        var attempted = delivery.WithAttempt(attempt);
        if (attempt.StatusCode is >= 200 and < 300)
        {
            return await FinishAsync(attempted with { Status = DeliveryStatus.Succeeded, NextAttemptAt = null }, ct);
        }

        if (settings.RetryDelay(delivery.Step, Random.Shared) is not { } delay)
        {
            return await FinishAsync(attempted with { Status = DeliveryStatus.Failed, NextAttemptAt = null }, ct);
        }

        var next = clock.GetUtcNow() + delay;
        var scheduled = await store.UpdateDeliveryAsync(attempted with { Step = delivery.Step + 1, NextAttemptAt = next }, ct);
        await store.PutDueAsync(new DueItem.PendingDelivery(key, next + settings.Grace), ct);
        await sender.SendAsync(key, delay, ct);
        return scheduled;
    }

    /// <summary>
    /// Sends an event again to one endpoint (or to every endpoint that now wants it): the delivery starts over with a
    /// fresh retry schedule, keeping its attempt history. Same event id, so a receiver that has it can tell.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> ResendAsync(string tenantId, string eventId, string? endpointId, CancellationToken ct)
    {
        var notification = await store.GetEventAsync(tenantId, eventId, ct) ?? throw DomainException.NotFound($"event {eventId} was not found");
        var endpoints = (await store.ListEndpointsAsync(tenantId, ct))
            .Where(e => endpointId is null ? e.Wants(notification.Type) : e.Id == endpointId).ToList();
        if (endpointId is not null && endpoints.Count == 0)
        {
            throw DomainException.NotFound($"endpoint {endpointId} was not found");
        }

        var resent = new List<Delivery>();
        foreach (var endpoint in endpoints)
        {
            var key = new DeliveryKey(tenantId, eventId, endpoint.Id);
            while (true)
            {
                var now = clock.GetUtcNow();
                await store.PutDueAsync(new DueItem.PendingDelivery(key, now + settings.Grace), ct);
                var existing = await store.GetDeliveryAsync(key, ct);
                try
                {
                    var delivery = existing is null
                        ? new Delivery(tenantId, eventId, endpoint.Id, notification.Type, DeliveryStatus.Pending, 0, 0, now, now, [])
                        : existing with { Status = DeliveryStatus.Pending, Step = 0, NextAttemptAt = now };
                    if (existing is null && !await store.TryInsertDeliveryAsync(delivery, ct))
                    {
                        continue; // made meanwhile: reset that one
                    }

                    resent.Add(existing is null ? delivery : await store.UpdateDeliveryAsync(delivery, ct));
                    break;
                }
                catch (ConcurrencyException)
                {
                    // An attempt changed it meanwhile: start over from its new state.
                }
            }

            await sender.SendAsync(key, TimeSpan.Zero, ct);
        }

        return resent;
    }

    private async Task<Delivery> FinishAsync(Delivery delivery, CancellationToken ct)
    {
        var finished = await store.UpdateDeliveryAsync(delivery, ct);
        await store.RemoveDueAsync(new DueItem.PendingDelivery(delivery.Key, default), ct);
        return finished;
    }
}

/// <summary>Signs and sends one event to one endpoint; never throws for what the endpoint does (that is the attempt's result).</summary>
public interface IWebhookTransport
{
    Task<DeliveryAttempt> SendAsync(WebhookEndpoint endpoint, NotificationEvent notification, CancellationToken ct);
}
