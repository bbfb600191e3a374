namespace Accounts.Core.Notifications;

/// <summary>
/// The safety net: acts on due rows their own process did not finish. A commit's row is dispatched from the book, an
/// account change's from the account row; a
/// delivery's row is queued again when the delivery is still pending and past its time (its message was lost, or the
/// process died holding it), pushed back to the delivery's own time when that is later, and removed when it is done.
/// </summary>
public sealed class NotificationSweeper(INotificationStore store, NotificationDispatcher dispatcher, IDeliverySender sender,
    NotificationSettings settings, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <returns>How many rows it acted on.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await store.DueAsync(now, BatchSize, ct);
        foreach (var item in due)
        {
            switch (item)
            {
                case DueItem.BookCommit marker:
                    await dispatcher.DispatchAsync(marker, entries: null, ct);
                    break;
                case DueItem.AccountChange change:
                    await dispatcher.DispatchAccountAsync(change, ct);
                    break;
                case DueItem.PendingDelivery pending:
                    await SweepDeliveryAsync(pending, now, ct);
                    break;
            }
        }

        return due.Count;
    }

    private async Task SweepDeliveryAsync(DueItem.PendingDelivery pending, DateTimeOffset now, CancellationToken ct)
    {
        var delivery = await store.GetDeliveryAsync(pending.Key, ct);
        if (delivery is null && pending.DueAt + settings.Grace < now)
        {
            // Its dispatch died before making the delivery; the commit's own row makes it again.
            await store.RemoveDueAsync(pending, ct);
            return;
        }

        if (delivery is null)
        {
            return;
        }

        if (delivery.Status != DeliveryStatus.Pending)
        {
            await store.RemoveDueAsync(pending, ct);
            return;
        }

        var nextAt = delivery.NextAttemptAt ?? now;
        if (nextAt + settings.Grace > now)
        {
            await store.PutDueAsync(pending with { DueAt = nextAt + settings.Grace }, ct);
            return;
        }

        await store.PutDueAsync(pending with { DueAt = now + settings.Grace }, ct);
        await sender.SendAsync(pending.Key, TimeSpan.Zero, ct);
    }
}
