using System.Collections.Concurrent;
using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.Tests.NubanAccounts;

/// <summary>
/// Accounts by (tenant, id) with a version per write, refusing stale updates like the Table store does.
/// <see cref="BeforeUpdate"/> lets a test change an account between a service's read and its write.
/// </summary>
internal sealed class InMemoryAccounts : IAccountStore
{
    private readonly ConcurrentDictionary<(string, string), Account> _rows = new();
    private readonly ConcurrentDictionary<(string Institution, string Number), (string, string)> _numbers = new();
    private int _version;

    public Func<Account, Task>? BeforeUpdate { get; set; }

    /// <summary>Makes the next insert fail: after writing (an answer lost on the way back) or before.</summary>
    public (bool Fail, bool Landed) NextInsert { get; set; }

    public Task<Account> InsertAsync(Account account, CancellationToken ct)
    {
        var (fail, landed) = NextInsert;
        NextInsert = default;
        var stored = account with { Version = NextVersion() };
        if (fail && !landed)
        {
            throw new TimeoutException("insert timed out before reaching the store");
        }

        if (!_rows.TryAdd((account.TenantId, account.Id), stored))
        {
            throw new ConcurrencyException($"{account.Id} exists");
        }

        return fail ? throw new TimeoutException("insert landed but its answer was lost") : Task.FromResult(stored);
    }

    public async Task<Account> UpdateAsync(Account account, CancellationToken ct)
    {
        if (BeforeUpdate is { } hook)
        {
            BeforeUpdate = null;
            await hook(account);
        }

        var key = (account.TenantId, account.Id);
        var current = _rows[key];
        var stored = account with { Version = NextVersion() };
        return current.Version == account.Version && _rows.TryUpdate(key, stored, current)
            ? stored
            : throw new ConcurrencyException($"{account.Id} changed");
    }

    public Task<Account?> GetAsync(string tenantId, string accountId, CancellationToken ct) =>
        Task.FromResult(_rows.GetValueOrDefault((tenantId, accountId)));

    // Memory is always current: the recent read is the read.
    public Task<Account?> GetRecentAsync(string tenantId, string accountId, CancellationToken ct) => GetAsync(tenantId, accountId, ct);

    public Task<IReadOnlyList<Account>> ListByHolderAsync(string tenantId, string holderId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Account>>(_rows.Values.Where(a => a.TenantId == tenantId && a.HolderId == holderId).ToList());

    public Task<IReadOnlyList<Account>> ListByTenantAsync(string tenantId, AccountKind? kind, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Account>>(_rows.Values.Where(a => a.TenantId == tenantId && (kind is null || a.Kind == kind)).ToList());

    public Task<Account?> FindByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        Task.FromResult(_rows.Values.FirstOrDefault(a => a.TenantId == tenantId && a.AccountNumber == accountNumber));

    public Task<Account?> FindRecentByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        FindByNumberAsync(tenantId, accountNumber, ct);

    /// <summary>Every number claimed so far, in claim order per call; a taken number is refused like the Table store does.</summary>
    public List<string> ClaimAttempts { get; } = [];

    public void Take(string institutionCode, string accountNumber) => _numbers[(institutionCode, accountNumber)] = ("other", "other");

    public Task<bool> TryClaimNumberAsync(string institutionCode, string accountNumber, string tenantId, string accountId,
        CancellationToken ct)
    {
        lock (ClaimAttempts)
        {
            ClaimAttempts.Add(accountNumber);
        }

        return Task.FromResult(_numbers.GetOrAdd((institutionCode, accountNumber), (tenantId, accountId)) == (tenantId, accountId));
    }

    private string NextVersion() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
