using Accounts.Core.Accounts;
using Accounts.Core.Caching;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Accounts;

/// <summary>
/// Accounts as current as a fresh read, without reading each one every time. Per tenant, a change mark (table
/// AccountChanges) is replaced by a new random value after every update of one of the tenant's account rows, before
/// the update returns. An account read after a mark value was read is current while the mark still has that value:
/// every update completed before a later read of the mark has replaced it. Each write attempt carries a value of its
/// own and is sent once (a retry is a new attempt with a new value), so a value lands at most once and never comes
/// back after a newer one (ETags are not used: two writes in one clock tick could share one).
/// </summary>
internal sealed class CurrentAccounts(StorageTables tables, TimeProvider clock)
{
    /// <summary>How long a kept account is used while its tenant's mark is unchanged (see the README for why a bound).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    private const string MarkRow = "mark";
    private const int MarkWriteAttempts = 3;

    private readonly RecentValues<(string TenantId, string AccountId), (Account Account, string? Mark)> _kept =
        new(KeptFor, RecentReads.Capacity, clock);

    // Reads of one tenant's mark that wait together share one read, which started after each of them asked.
    private readonly SharedReads<string> _marks = new(tables.AccountChanges, tenantId => (KeyEncoder.Encode(tenantId), MarkRow));

    /// <summary>The tenant's mark as of a read that started after this call (null while none of its accounts was updated).</summary>
    public async Task<string?> MarkAsync(string tenantId, CancellationToken ct) => (await _marks.ReadAsync(tenantId, ct))?.GetString("Mark");

    /// <summary>
    /// The account: the one kept here if it was read after the tenant's current mark was read, else read by
    /// <paramref name="read"/> (a read that starts after it is called) and kept.
    /// </summary>
    public async Task<Account?> GetAsync(string tenantId, string accountId, Func<CancellationToken, Task<Account?>> read, CancellationToken ct)
    {
        var mark = await MarkAsync(tenantId, ct);
        if (_kept.TryGet((tenantId, accountId), out var kept) && kept.Mark == mark)
        {
            return kept.Account;
        }

        var account = await read(ct);
        if (account is not null)
        {
            Keep(account, mark);
        }

        return account;
    }

    /// <summary>Keeps an account written or read after <paramref name="mark"/> was read.</summary>
    public void Keep(Account account, string? mark) => _kept.Remember((account.TenantId, account.Id), (account, mark));

    /// <summary>
    /// Replaces the tenant's mark after an update that failed in a way that may have written it (or may still);
    /// <paramref name="failure"/> stays what the caller sees, with a failed mark write reported alongside it.
    /// </summary>
    public async Task ChangedAfterAsync(Exception failure, string tenantId)
    {
        try
        {
            await ChangedAsync(tenantId);
        }
        catch (Exception markFailure)
        {
            throw new AggregateException($"An account update of tenant {tenantId} failed, and so did replacing its change mark", failure, markFailure);
        }
    }

    /// <summary>Replaces the tenant's mark: called once an update of one of its account rows was written or may have been.</summary>
    public async Task ChangedAsync(string tenantId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = new TableEntity(KeyEncoder.Encode(tenantId), MarkRow) { ["Mark"] = Guid.NewGuid().ToString("N") };
            try
            {
                await tables.AccountChanges.RunAsync(
                    bounded => tables.AccountChanges.Once.UpsertEntityAsync(row, TableUpdateMode.Replace, bounded), CancellationToken.None);
                return;
            }
            catch (Exception) when (attempt < MarkWriteAttempts)
            {
                // Sent again with a new value: the failed attempt may still land, and its value was never read by anyone.
            }
        }
    }
}
