using Accounts.Core.Accounts;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Once armed, makes the worker's account lookup for one number hang until the app stops: a worker caught in the middle
/// of applying a message, which it never deletes or releases.
/// </summary>
public sealed class HangingLookups
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _number;

    /// <summary>Completes when a lookup of the armed number started hanging.</summary>
    public Task Entered => _entered.Task;

    public void Arm(string accountNumber) => _number = accountNumber;

    public IAccountStore Wrap(IAccountStore inner) => new Store(inner, this);

    private sealed class Store(IAccountStore inner, HangingLookups hang) : IAccountStore
    {
        public Task<Account> InsertAsync(Account account, CancellationToken ct) => inner.InsertAsync(account, ct);

        public Task<Account> UpdateAsync(Account account, CancellationToken ct) => inner.UpdateAsync(account, ct);

        public Task<Account?> GetAsync(string tenantId, string accountId, CancellationToken ct) => inner.GetAsync(tenantId, accountId, ct);

        public Task<IReadOnlyList<Account>> ListByHolderAsync(string tenantId, string holderId, CancellationToken ct) =>
            inner.ListByHolderAsync(tenantId, holderId, ct);

        public Task<IReadOnlyList<Account>> ListByTenantAsync(string tenantId, AccountKind? kind, CancellationToken ct) =>
            inner.ListByTenantAsync(tenantId, kind, ct);

        public async Task<Account?> FindByNumberAsync(string tenantId, string accountNumber, CancellationToken ct)
        {
            if (accountNumber == hang._number)
            {
                hang._entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return await inner.FindByNumberAsync(tenantId, accountNumber, ct);
        }

        public Task<bool> TryClaimNumberAsync(string institutionCode, string accountNumber, string tenantId, string accountId, CancellationToken ct) =>
            inner.TryClaimNumberAsync(institutionCode, accountNumber, tenantId, accountId, ct);
    }
}
