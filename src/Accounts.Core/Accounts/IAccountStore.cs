namespace Accounts.Core.Accounts;

/// <summary>
/// Accounts of all tenants, always addressed with the tenant id. Uniqueness (ids, account numbers) is enforced by
/// insert-if-absent in the store, never by check-then-insert.
/// </summary>
public interface IAccountStore
{
    /// <summary>Stores a new account and its holder index row; throws ConcurrencyException if the id exists.</summary>
    Task<Account> InsertAsync(Account account, CancellationToken ct);

    /// <summary>Replaces an account if its <see cref="Account.Version"/> is current; throws ConcurrencyException otherwise.</summary>
    Task<Account> UpdateAsync(Account account, CancellationToken ct);

    Task<Account?> GetAsync(string tenantId, string accountId, CancellationToken ct);

    /// <summary>
    /// The account for showing it: as read or written on this instance at most <see cref="RecentReads.Bound"/> ago,
    /// or read now. Never for deciding a change: those read with <see cref="GetAsync"/> and write at the version read.
    /// </summary>
    Task<Account?> GetRecentAsync(string tenantId, string accountId, CancellationToken ct);

    /// <summary>
    /// The holder's accounts, oldest first, by the holder index: a partition query. Lists are read from
    /// <see cref="AccountLists"/>; this builds a holder's list from accounts stored before lists existed.
    /// </summary>
    Task<IReadOnlyList<Account>> ListByHolderAsync(string tenantId, string holderId, CancellationToken ct);

    /// <summary>
    /// Every account of a tenant, optionally of one kind, oldest first: a scan of the tenant. Only for building a list
    /// from accounts stored before lists existed (see <see cref="AccountLists"/>), once per list.
    /// </summary>
    Task<IReadOnlyList<Account>> ListByTenantAsync(string tenantId, AccountKind? kind, CancellationToken ct);

    /// <summary>
    /// The account with this number for deciding on it (a deposit's credit): as current as a fresh read, so every
    /// update completed before the call shows; the store may answer without reading the account when it can tell
    /// that nothing changed since it last read it.
    /// </summary>
    Task<Account?> FindByNumberAsync(string tenantId, string accountNumber, CancellationToken ct);

    /// <summary>The account with this number, for showing it: as recent as <see cref="GetRecentAsync"/> gives.</summary>
    Task<Account?> FindRecentByNumberAsync(string tenantId, string accountNumber, CancellationToken ct);

    /// <summary>
    /// Claims <paramref name="accountNumber"/> at an institution for an account (insert-if-absent). False when the
    /// number is taken by another account; true when free or already claimed by the same account.
    /// </summary>
    Task<bool> TryClaimNumberAsync(string institutionCode, string accountNumber, string tenantId, string accountId, CancellationToken ct);
}
