using Accounts.Core.Accounts;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// An account store that forwards every call to the real one except lookups by number, which a test replaces to
/// inject a fault into the deposit worker's path (a hang, an error that never heals).
/// </summary>
public sealed class AccountLookupFault(
    IAccountStore inner,
    Func<string, string, CancellationToken, Func<Task<Account?>>, Task<Account?>> findByNumber) : IAccountStore
{
    public Task<Account> InsertAsync(Account account, CancellationToken ct) => inner.InsertAsync(account, ct);

    public Task<Account> UpdateAsync(Account account, CancellationToken ct) => inner.UpdateAsync(account, ct);

    public Task<Account?> GetAsync(string tenantId, string accountId, CancellationToken ct) => inner.GetAsync(tenantId, accountId, ct);

    public Task<Account?> GetRecentAsync(string tenantId, string accountId, CancellationToken ct) => inner.GetRecentAsync(tenantId, accountId, ct);

    public Task<IReadOnlyList<Account>> ListByHolderAsync(string tenantId, string holderId, CancellationToken ct) =>
        inner.ListByHolderAsync(tenantId, holderId, ct);

    public Task<IReadOnlyList<Account>> ListByTenantAsync(string tenantId, AccountKind? kind, CancellationToken ct) =>
        inner.ListByTenantAsync(tenantId, kind, ct);

    /// <summary>Calls the test's replacement, which may call the real lookup through its last argument.</summary>
    public Task<Account?> FindByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        findByNumber(tenantId, accountNumber, ct, () => inner.FindByNumberAsync(tenantId, accountNumber, ct));

    /// <summary>Shows go to the real store: the fault is in the deposit worker's (fresh) lookup.</summary>
    public Task<Account?> FindRecentByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        inner.FindRecentByNumberAsync(tenantId, accountNumber, ct);

    public Task<bool> TryClaimNumberAsync(string institutionCode, string accountNumber, string tenantId, string accountId, CancellationToken ct) =>
        inner.TryClaimNumberAsync(institutionCode, accountNumber, tenantId, accountId, ct);
}
