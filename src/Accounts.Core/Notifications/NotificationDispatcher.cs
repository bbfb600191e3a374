using Accounts.Core.Accounts;
using Accounts.Core.Ledger;

namespace Accounts.Core.Notifications;

/// <summary>
/// Makes the events of a committed book commit and a delivery for each endpoint that wants them: the event row
/// (insert-if-absent by its derived id), then per endpoint the delivery's due row, the delivery row, and its first queue
/// message. Every step is idempotent, so a dispatch repeated after a crash completes what the first one began and
/// never makes a second event or delivery. The commit's due row goes last, only if nobody rewrote it.
/// </summary>
public sealed class NotificationDispatcher(INotificationStore store, ILedgerStore ledger, IAccountStore accounts, IDeliverySender sender,
    NotificationSettings settings, TimeProvider clock)
{
    /// <param name="entries">The commit's entries when known (in process); null reads them from the book.</param>
    public async Task<int> DispatchAsync(DueItem.BookCommit marker, IReadOnlyList<LedgerEntry>? entries, CancellationToken ct)
    {
        entries ??= await ReadCommitAsync(marker, ct);
        var made = 0;
        var relevant = entries.Where(LedgerEvents.MayNotify).ToList();
        if (relevant.Count > 0)
        {
            var endpoints = (await store.ListEndpointsAsync(marker.TenantId, ct)).Where(e => e.Enabled).ToList();
            var owners = new Dictionary<string, Account?>(StringComparer.Ordinal);
            foreach (var entry in relevant)
            {
                if (!owners.TryGetValue(entry.AccountId, out var account))
                {
                    account = owners[entry.AccountId] = await accounts.GetAsync(marker.TenantId, entry.AccountId, ct);
                }

                if (account is null)
                {
                    continue; // an entry of no account of this tenant (a wallet's own entries): nobody to tell
                }

                foreach (var notification in LedgerEvents.For(account, entry))
                {
                    made += await RecordAsync(notification, endpoints, ct);
                }
            }
        }

        await store.RemoveDueAsync(marker, ct);
        return made;
    }

    /// <summary>
    /// Makes the event of an account change if the change is in the store (the account exists; it is EXPIRED). One that
    /// is not there after twice the grace period never happened (its write failed) and its row is dropped.
    /// </summary>
    public async Task<int> DispatchAccountAsync(DueItem.AccountChange change, CancellationToken ct)
    {
        var account = await accounts.GetAsync(change.TenantId, change.AccountId, ct);
        var landed = change.Type == NotificationTypes.AccountCreated
            ? account is not null
            : account is { Status: AccountStatus.Expired };
        if (!landed)
        {
            if (change.DueAt + settings.Grace < clock.GetUtcNow())
            {
                await store.RemoveDueAsync(change, ct);
            }

            return 0;
        }

        var sequence = change.Type == NotificationTypes.AccountCreated ? 0 : (await ledger.ReadAsync(account!.BookId, [], ct)).Head.Sequence;
        var endpoints = (await store.ListEndpointsAsync(change.TenantId, ct)).Where(e => e.Enabled).ToList();
        var at = change.Type == NotificationTypes.AccountCreated ? account!.CreatedAt : account!.UpdatedAt;
        var made = await RecordAsync(LedgerEvents.ForAccount(account, change.Type, sequence, at), endpoints, ct);
        await store.RemoveDueAsync(change, ct);
        return made;
    }

    /// <summary>Stores the event and one delivery per endpoint that wants it; returns how many deliveries it started.</summary>
    public async Task<int> RecordAsync(NotificationEvent notification, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken ct)
    {
        var targets = endpoints.Where(e => e.Wants(notification.Type)).ToList();
        if (targets.Count == 0)
        {
            return 0;
        }

        await store.TryInsertEventAsync(notification, ct);
        var started = 0;
        foreach (var endpoint in targets)
        {
            var now = clock.GetUtcNow();
            var delivery = new Delivery(notification.TenantId, notification.Id, endpoint.Id, notification.Type, DeliveryStatus.Pending,
                Step: 0, AttemptCount: 0, now, now, []);

            // The due row first: a delivery row never exists without one, so none can be stranded by a crash.
            await store.PutDueAsync(new DueItem.PendingDelivery(delivery.Key, now + settings.Grace), ct);
            if (await store.TryInsertDeliveryAsync(delivery, ct))
            {
                await sender.SendAsync(delivery.Key, TimeSpan.Zero, ct);
                started++;
            }
        }

        return started;
    }

    private async Task<IReadOnlyList<LedgerEntry>> ReadCommitAsync(DueItem.BookCommit marker, CancellationToken ct)
    {
        // The plan gave the commit's entries these times and sequences; if it landed, exactly they are in the book.
        var found = await ledger.QueryEntriesAsync(marker.BookId,
            new EntryQuery(From: marker.FromTime, To: marker.ToTime.AddTicks(1), Take: 1000, OldestFirst: true), ct);
        return found.Where(e => e.Sequence >= marker.FromSequence && e.Sequence <= marker.ToSequence).OrderBy(e => e.Sequence).ToList();
    }
}
