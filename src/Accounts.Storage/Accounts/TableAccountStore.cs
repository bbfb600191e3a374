using Accounts.Core.Accounts;
using Accounts.Core.Caching;
using Accounts.Core.Errors;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Accounts;

/// <summary>
/// Accounts live in one partition per tenant. Index rows (by holder, by number) are written before the account row
/// and readers skip index rows without an account, so a crash between the writes leaves nothing visible and a
/// retry of the same insert completes it. Every account read or written here is remembered for
/// <see cref="GetRecentAsync"/>; every write of an account row goes through this store, and every update replaces the
/// tenant's change mark (<see cref="CurrentAccounts"/>), which lets a lookup by number skip the account read.
/// </summary>
public sealed class TableAccountStore(StorageTables tables, TimeProvider clock, RecentReads recentReads) : IAccountStore
{
    // Which account id a tenant's number belongs to never changes: the number index is written insert-if-absent and
    // never deleted or repointed. Only the id is kept; the account is read as its caller asks.
    private readonly RecentValues<(string TenantId, string Number), string> _numbers = new(Timeout.InfiniteTimeSpan, RecentReads.Capacity, clock);

    private readonly RecentValues<(string TenantId, string AccountId), Account> _recent = new(recentReads.Bound, RecentReads.Capacity, clock);

    private readonly CurrentAccounts _current = new(tables, clock);

    // Fresh reads of one account share one read per group of waiting callers (a busy account's deposits, when its
    // tenant's accounts change).
    private readonly SharedReads<(string TenantId, string AccountId)> _reads =
        new(tables.Accounts, key => (AccountRows.Partition(key.TenantId), AccountRows.Row(key.AccountId)));

    public async Task<Account> InsertAsync(Account account, CancellationToken ct)
    {
        // Read before the row is written: any update of the new account comes after the write and replaces the mark.
        var mark = await _current.MarkAsync(account.TenantId, ct);
        await InsertIndexAsync(AccountIndexRows.Holder(account.TenantId, account.HolderId, account.Id), account.Id, ct);
        await InsertIndexAsync(AccountIndexRows.Number(account.TenantId, account.AccountNumber, account.Id), account.Id, ct);
        var etag = await tables.Accounts.InsertNewAsync(AccountRows.From(account with { Version = null }), $"Account '{account.Id}'", ct);
        var inserted = account with { Version = etag };
        _numbers.Remember((account.TenantId, account.AccountNumber), account.Id);
        _current.Keep(inserted, mark);
        return Remember(inserted);
    }

    public async Task<Account> UpdateAsync(Account account, CancellationToken ct)
    {
        string version;
        try
        {
            version = await tables.Accounts.ReplaceIfCurrentAsync(AccountRows.From(account), $"Account '{account.Id}'", ct);
        }
        catch (ConcurrencyException)
        {
            // Changed by someone else (who replaces the mark): the next read here goes to storage.
            _recent.Forget((account.TenantId, account.Id));
            throw;
        }
        catch (Exception failure)
        {
            // Not known whether this write landed (or may still land): read fresh here, and elsewhere once the mark is
            // replaced. A write that lands after the mark was replaced is seen within CurrentAccounts.KeptFor (README).
            _recent.Forget((account.TenantId, account.Id));
            await _current.ChangedAfterAsync(failure, account.TenantId);
            throw;
        }

        _recent.Forget((account.TenantId, account.Id));
        await _current.ChangedAsync(account.TenantId);
        return Remember(account with { Version = version });
    }

    public async Task<Account?> GetAsync(string tenantId, string accountId, CancellationToken ct)
    {
        var before = _recent.BeforeRead();
        var row = await _reads.ReadAsync((tenantId, accountId), ct);
        if (row is null)
        {
            _recent.Forget((tenantId, accountId));
            return null;
        }

        var account = AccountRows.To(row);
        _recent.RememberRead((tenantId, accountId), account, before);
        return account;
    }

    public Task<Account?> GetRecentAsync(string tenantId, string accountId, CancellationToken ct) =>
        _recent.TryGet((tenantId, accountId), out var account) ? Task.FromResult<Account?>(account) : GetAsync(tenantId, accountId, ct);

    public async Task<IReadOnlyList<Account>> ListByHolderAsync(string tenantId, string holderId, CancellationToken ct)
    {
        var index = await tables.AccountIndex.QueryAllAsync(TableReads.Partition(AccountIndexRows.HolderPartition(tenantId, holderId)), ct);
        var accounts = await Task.WhenAll(index.Select(row => GetAsync(tenantId, row.RequireString("AccountId"), ct)));

        // The holder check guards against an index row left behind if a holder were ever changed.
        return accounts.OfType<Account>()
            .Where(a => string.Equals(a.HolderId, holderId, StringComparison.Ordinal))
            .OrderBy(a => a.CreatedAt)
            .ToList();
    }

    public async Task<IReadOnlyList<Account>> ListByTenantAsync(string tenantId, AccountKind? kind, CancellationToken ct)
    {
        var filter = TableReads.Partition(AccountRows.Partition(tenantId));
        if (kind is { } wanted)
        {
            filter = TableReads.And(filter, TableReads.Compare("Kind", "eq", wanted.ToString()));
        }

        var rows = await tables.Accounts.QueryAllAsync(filter, ct);
        return rows.Select(AccountRows.To).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The account with this number, as current as a fresh read: the tenant's change mark is read (a read that starts
    /// after this call, shared by the lookups waiting with it), and an account read here after that same mark was read
    /// is used as it is; otherwise the account is read. Its id is remembered once known (deposits, Nuban reads and
    /// Internal reads by number all look up by number); the account read must confirm the number, or the index decides.
    /// </summary>
    public Task<Account?> FindByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        FindByNumberAsync(tenantId, accountNumber, GetCurrentAsync, ct);

    public Task<Account?> FindRecentByNumberAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        FindByNumberAsync(tenantId, accountNumber, GetRecentAsync, ct);

    /// <param name="readKnown">How the account of a remembered id is read (fresh, or recent for showing it).</param>
    private async Task<Account?> FindByNumberAsync(string tenantId, string accountNumber,
        Func<string, string, CancellationToken, Task<Account?>> readKnown, CancellationToken ct)
    {
        if (_numbers.TryGet((tenantId, accountNumber), out var knownId))
        {
            var known = await readKnown(tenantId, knownId, ct);
            if (known is not null && string.Equals(known.AccountNumber, accountNumber, StringComparison.Ordinal))
            {
                return known;
            }

            _numbers.Forget((tenantId, accountNumber));
        }

        var before = _numbers.BeforeRead();
        var index = await tables.AccountIndex.GetAsync(AccountIndexRows.NumberPartition(tenantId), KeyEncoder.Encode(accountNumber), ct);
        if (index is null)
        {
            return null;
        }

        var account = await readKnown(tenantId, index.RequireString("AccountId"), ct);
        if (account is null || !string.Equals(account.AccountNumber, accountNumber, StringComparison.Ordinal))
        {
            return null;
        }

        _numbers.RememberRead((tenantId, accountNumber), account.Id, before);
        return account;
    }

    private Task<Account?> GetCurrentAsync(string tenantId, string accountId, CancellationToken ct) =>
        _current.GetAsync(tenantId, accountId, c => GetAsync(tenantId, accountId, c), ct);

    public async Task<bool> TryClaimNumberAsync(
        string institutionCode, string accountNumber, string tenantId, string accountId, CancellationToken ct)
    {
        var claim = new TableEntity(KeyEncoder.Encode(institutionCode), KeyEncoder.Encode(accountNumber))
            .Set("TenantId", tenantId)
            .Set("AccountId", accountId);
        if (await tables.AccountNumbers.TryInsertAsync(claim, ct) is not null)
        {
            return true;
        }

        // Claims are never deleted, so the existing row can be read back.
        var existing = await tables.AccountNumbers.GetAsync(claim.PartitionKey, claim.RowKey, ct)
            ?? throw new InvalidOperationException($"Number claim {claim.PartitionKey}/{claim.RowKey} vanished after a conflict");
        return existing.RequireString("TenantId") == tenantId && existing.RequireString("AccountId") == accountId;
    }

    // What this instance wrote: shown here at once.
    private Account Remember(Account account)
    {
        _recent.Remember((account.TenantId, account.Id), account);
        return account;
    }

    // Insert-if-absent; an existing row is fine only when it already points at this account (a retried insert).
    private async Task InsertIndexAsync(TableEntity row, string accountId, CancellationToken ct)
    {
        if (await tables.AccountIndex.TryInsertAsync(row, ct) is not null)
        {
            return;
        }

        var existing = await tables.AccountIndex.GetAsync(row.PartitionKey, row.RowKey, ct);
        if (existing?.RequireString("AccountId") != accountId)
        {
            throw new ConcurrencyException($"Index row {row.PartitionKey}/{row.RowKey} belongs to another account");
        }
    }
}
