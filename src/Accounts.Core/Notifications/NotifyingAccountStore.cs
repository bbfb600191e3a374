using Accounts.Core.Accounts;

namespace Accounts.Core.Notifications;

/// <summary>
/// The account store, telling notifications about account.created (an insert) and account.expired (an update that
/// stores EXPIRED). The change's due row is written before the account row and the event made after it, in the
/// background; a crash in between leaves the row, and the sweeper makes the event if the change is in the store. Every
/// account write goes through here, so no product's code needs to know about notifications.
/// </summary>
public sealed class NotifyingAccountStore(IAccountStore inner, INotificationStore store, EndpointDirectory endpoints, IBookDispatch dispatch,
    NotificationSettings settings, TimeProvider clock) : IAccountStore
{
    public async Task<Account> InsertAsync(Account account, CancellationToken ct)
    {
        var due = await BeforeAsync(account, NotificationTypes.AccountCreated, ct);
        var inserted = await inner.InsertAsync(account, ct);
        After(due);
        return inserted;
    }

    public async Task<Account> UpdateAsync(Account account, CancellationToken ct)
    {
        var due = account.Status == AccountStatus.Expired ? await BeforeAsync(account, NotificationTypes.AccountExpired, ct) : null;
        var updated = await inner.UpdateAsync(account, ct);
        After(due);
        return updated;
    }

    public Task<Account?> GetAsync(string tenantId, string accountId, CancellationToken ct) => inner.GetAsync(tenantId, accountId, ct);

    public Task<Account?> GetRecentAsync(string tenantId, string accountId, CancellationToken ct) => inner.GetRecentAsync(tenantId, accountId, ct);

    public Task<IReadOnlyList<Account>> ListByHolderAsync(string tenantId, string holderId, CancellationToken ct) =>
        inner.ListByHolderAsync(tenantId, holderId, ct);

    public Task<IReadOnlyList<Account>> ListByTenantAsync(string tenantId, AccountKind? kind, CancellationToken ct) =>
        inner.ListByTenantAsync(tenantId, kind, ct);

    public Task<Account?> FindByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        inner.FindByNumberAsync(tenantId, accountNumber, ct);

    public Task<Account?> FindRecentByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        inner.FindRecentByNumberAsync(tenantId, accountNumber, ct);

    public Task<bool> TryClaimNumberAsync(string institutionCode, string accountNumber, string tenantId, string accountId, CancellationToken ct) =>
        inner.TryClaimNumberAsync(institutionCode, accountNumber, tenantId, accountId, ct);

    private async Task<DueItem.AccountChange?> BeforeAsync(Account account, string type, CancellationToken ct)
    {
        if (!await endpoints.HasEndpointsAsync(account.TenantId, ct))
        {
            return null;
        }

        var due = new DueItem.AccountChange(account.TenantId, account.Id, type, clock.GetUtcNow() + settings.Grace);
        return (DueItem.AccountChange)await store.PutDueAsync(due, ct);
    }

    private void After(DueItem.AccountChange? due)
    {
        if (due is not null)
        {
            dispatch.Post(due);
        }
    }
}
