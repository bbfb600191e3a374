using System.Collections.Concurrent;
using Accounts.Core.Accounts;

namespace Accounts.Core.Internal;

/// <summary>
/// Shows internal accounts with balances rolled up over their sub-accounts at every depth. The sub-accounts are read
/// from each account's list of sub-accounts (<see cref="AccountList.OfParent"/>), so a roll-up costs the subtree, not the
/// tenant. Lists are <see cref="InternalAccountListing"/>.
/// </summary>
public sealed class InternalAccountDirectory(IAccountStore accounts, AccountLists lists, AccountLifecycle lifecycle)
{
    private const int ParallelReads = 16;

    /// <summary>
    /// By id, or by account number: seed 002 says Get Account finds "by the id, identityId, accountNumber". An
    /// identityId names many accounts, so it is a list filter only.
    /// </summary>
    public async Task<InternalAccountView> GetAsync(string tenantId, string idOrNumber, CancellationToken ct)
    {
        // Account numbers are digits and ids are UUIDs (which have hyphens), so an id needs no number lookup.
        var byNumber = idOrNumber.Length > 0 && idOrNumber.All(char.IsAsciiDigit)
            ? await accounts.FindRecentByNumberAsync(tenantId, idOrNumber, ct)
            : null;
        var account = await lifecycle.ShowAsync(tenantId, byNumber is { Kind: AccountKind.Internal } ? byNumber.Id : idOrNumber,
            AccountKind.Internal, null, ct);
        return (await ViewAsync([account], ct))[0];
    }

    public async Task<InternalAccountView> ViewAsync(Account account, CancellationToken ct) => (await ViewAsync([account], ct))[0];

    public async Task<IReadOnlyList<InternalAccountView>> ViewAsync(IReadOnlyList<Account> shown, CancellationToken ct)
    {
        var descendants = (await Task.WhenAll(shown.Select(a => DescendantsAsync(a, ct)))).Select((d, i) => (shown[i].Id, d))
            .ToDictionary(p => p.Id, p => p.d);
        var books = shown.Concat(descendants.Values.SelectMany(d => d)).DistinctBy(a => a.Id).ToList();
        var balances = new ConcurrentDictionary<string, (long Posted, long Available)>();
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

    // Every account below this one, closed ones included (they hold nothing); a visited set guards against a corrupt
    // parent chain looping forever.
    private async Task<List<Account>> DescendantsAsync(Account account, CancellationToken ct)
    {
        var found = new List<Account>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { account.Id };
        var level = new List<string> { account.Id };
        while (level.Count > 0)
        {
            var children = await Task.WhenAll(level.Select(id => lists.AllRecentAsync(AccountList.OfParent(account.TenantId, account.Kind, id), _ => true, ct)));
            var next = children.SelectMany(c => c).Where(c => visited.Add(c.Id)).ToList();
            found.AddRange(next);
            level = next.Select(c => c.Id).ToList();
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
