using Accounts.Core.Accounts;

namespace Accounts.Core.Internal;

/// <summary>
/// Lists and shows internal accounts with balances rolled up over their sub-accounts. Lists are filtered in memory
/// over the tenant's internal accounts (one partition query, oldest first): fine for thousands of accounts per
/// tenant; beyond that, filters and the parent relation need index rows and the cursor a server-side continuation.
/// </summary>
public sealed class InternalAccountDirectory(IAccountStore accounts, AccountLifecycle lifecycle)
{
    private const int ParallelReads = 16;

    /// <summary>
    /// By id, or by account number: seed 002 says Get Account finds "by the id, identityId, accountNumber". An
    /// identityId names many accounts, so it is a list filter only.
    /// </summary>
    public async Task<InternalAccountView> GetAsync(string tenantId, string idOrNumber, CancellationToken ct)
    {
        var byNumber = await accounts.FindByNumberAsync(tenantId, idOrNumber, ct);
        var account = byNumber is { Kind: AccountKind.Internal }
            ? await lifecycle.GetAsync(tenantId, byNumber.Id, AccountKind.Internal, null, ct)
            : await lifecycle.GetAsync(tenantId, idOrNumber, AccountKind.Internal, null, ct);
        var all = await accounts.ListByTenantAsync(tenantId, AccountKind.Internal, ct);
        return (await ViewAsync([account], all, ct))[0];
    }

    public async Task<InternalAccountView> ViewAsync(Account account, CancellationToken ct)
    {
        var all = await accounts.ListByTenantAsync(account.TenantId, AccountKind.Internal, ct);
        return (await ViewAsync([account], all, ct))[0];
    }

    /// <summary>Deleted accounts are never listed.</summary>
    public async Task<InternalAccountPage> ListAsync(string tenantId, InternalAccountFilter filter, InternalPageRequest page,
        CancellationToken ct)
    {
        var all = await accounts.ListByTenantAsync(tenantId, AccountKind.Internal, ct);
        var matches = all.Where(a => !a.IsClosed && filter.Matches(a)).ToList();
        var cursor = page.Cursor ?? ListCursor.Start;
        var first = matches.FindIndex(cursor.Precedes);
        var start = Math.Min((first < 0 ? matches.Count : first) + (long)page.Offset, matches.Count);
        var slice = matches.Skip((int)start).Take(page.Limit).ToList();
        var end = (int)start + slice.Count;
        var previousStart = Math.Max(0, (int)start - page.Limit);
        var previous = start == 0 ? null : previousStart == 0 ? ListCursor.Start : ListCursor.After(matches[previousStart - 1]);
        var next = end < matches.Count && slice.Count > 0 ? ListCursor.After(slice[^1]) : null;
        return new InternalAccountPage(await ViewAsync(slice, all, ct), matches.Count, next, previous);
    }

    private async Task<IReadOnlyList<InternalAccountView>> ViewAsync(IReadOnlyList<Account> shown, IReadOnlyList<Account> all,
        CancellationToken ct)
    {
        var children = all.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!);
        var descendants = shown.ToDictionary(a => a.Id, a => Descendants(a.Id, children));
        var books = shown.Concat(descendants.Values.SelectMany(d => d)).DistinctBy(a => a.Id).ToList();
        var balances = new System.Collections.Concurrent.ConcurrentDictionary<string, (long Posted, long Available)>();
        await Parallel.ForEachAsync(books, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct },
            async (account, token) =>
            {
                var balance = await lifecycle.BalanceAsync(account, token);
                balances[account.Id] = (balance.Posted, balance.Available);
            });

        return shown.Select(a =>
        {
            var subs = descendants[a.Id];
            return new InternalAccountView(a, balances[a.Id].Posted, balances[a.Id].Available,
                Sum(subs.Select(s => balances[s.Id].Posted)), Sum(subs.Select(s => balances[s.Id].Available)));
        }).ToList();
    }

    // In Int128, so no number of sub-accounts can make a roll-up overflow (Enumerable.Sum over longs would throw).
    private static Int128 Sum(IEnumerable<long> minors) => minors.Aggregate(Int128.Zero, (sum, minor) => sum + minor);

    // Every account below this one; a visited set guards against a corrupt parent chain looping forever.
    private static List<Account> Descendants(string accountId, ILookup<string, Account> children)
    {
        var found = new List<Account>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { accountId };
        var pending = new Queue<string>([accountId]);
        while (pending.TryDequeue(out var id))
        {
            foreach (var child in children[id].Where(c => visited.Add(c.Id)))
            {
                found.Add(child);
                pending.Enqueue(child.Id);
            }
        }

        return found;
    }
}

/// <summary>
/// An account with its money in minor units of its currency: its own balance and available funds, and the sums over
/// all its sub-accounts (at every depth). The sums are <see cref="Int128"/>: each balance is bounded by the ledger's
/// limit, but a sum over many sub-accounts may still pass what a long holds.
/// </summary>
public sealed record InternalAccountView(Account Account, long Balance, long Available, Int128 SubBalance, Int128 SubAvailable);

/// <summary>
/// One page of a list. <see cref="Total"/> counts every match; <see cref="Next"/> and <see cref="Previous"/> are the
/// cursors of the neighbouring pages, null at either end.
/// </summary>
public sealed record InternalAccountPage(IReadOnlyList<InternalAccountView> Results, int Total, ListCursor? Next, ListCursor? Previous);

/// <summary>A page: <see cref="Limit"/> accounts after <see cref="Cursor"/> (the start when null), skipping <see cref="Offset"/>.</summary>
public sealed record InternalPageRequest(int Limit, int Offset, ListCursor? Cursor);
