using Accounts.Core.Caching;

namespace Accounts.Core.Accounts;

/// <summary>
/// The one way accounts are listed: appended to their <see cref="AccountList"/>s when opened, counted as closed when
/// closed, and read a page at a time by position — a head read, then the page's slots and accounts by point reads, so a
/// page costs the same at 100 accounts as at 100,000. Filters the lists do not index are applied while reading and
/// may read further windows until the page is full.
/// </summary>
/// <remarks>
/// A slot whose account row does not exist is skipped: opening appends to the lists before it stores the account, so
/// a crash in between leaves nothing visible, and the retried open (same id) finds its positions taken already. A list
/// whose head is missing was never created: it is built once from the accounts stored before lists existed.
/// </remarks>
public sealed class AccountLists(IAccountLists lists, IAccountStore accounts, TimeProvider clock, RecentReads recentReads)
{
    /// <summary>The most slots and accounts read at once while a filter keeps asking for more.</summary>
    public const int MaxWindow = 200;

    // Heads as read here, for showing which accounts a list holds (AllRecentAsync); every change of a list goes through here.
    private readonly RecentValues<AccountList, AccountListHead> _recent = new(recentReads.Bound, RecentReads.Capacity, clock);

    /// <summary>The list's head, creating the list (from accounts stored before lists existed) if it has none.</summary>
    public async Task<AccountListHead> HeadAsync(AccountList list, CancellationToken ct)
    {
        var before = _recent.BeforeRead();
        var head = await lists.GetHeadAsync(list, ct) ?? await BuildAsync(list, ct);
        _recent.RememberRead(list, head, before);
        return head;
    }

    /// <summary>Appends a new account to every list it belongs to; returns its creation time (its time in its kind's list).</summary>
    public async Task<DateTimeOffset> AppendAsync(AccountOpening opening, DateTimeOffset now, CancellationToken ct)
    {
        var all = AccountList.Of(opening.TenantId, opening.Kind, opening.HolderId, opening.ParentId);
        var createdAt = await AppendAsync(all[0], opening.AccountId, now, ct);
        await Task.WhenAll(all.Skip(1).Select(list => AppendAsync(list, opening.AccountId, createdAt, ct)));

        // An account that may have sub-accounts gets its (empty) list of them now: it has none, as a sub-account can
        // only be opened under a stored parent.
        if (AccountPolicy.Of(opening.Kind).HasSubAccounts)
        {
            var subAccounts = AccountList.OfParent(opening.TenantId, opening.Kind, opening.AccountId);
            _recent.Remember(subAccounts, await lists.CreateAsync(subAccounts, [], ct));
        }

        return createdAt;
    }

    // Creating the list first if it has never been created (then the append is tried again, on the created list).
    private async Task<DateTimeOffset> AppendAsync(AccountList list, string accountId, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            if (await lists.AppendAsync(list, accountId, now, ct) is { } at)
            {
                return at;
            }

            await HeadAsync(list, ct);
            return await lists.AppendAsync(list, accountId, now, ct)
                ?? throw new InvalidOperationException($"Account list {list.Scope} has no head after it was created");
        }
        finally
        {
            _recent.Forget(list);
        }
    }

    /// <summary>Counts the account as closed in each of its lists (exactly once each).</summary>
    public Task MarkClosedAsync(Account account, CancellationToken ct) =>
        Task.WhenAll(AccountList.Of(account.TenantId, account.Kind, account.HolderId, account.ParentId).Select(async list =>
        {
            await HeadAsync(list, ct);
            try
            {
                await lists.MarkClosedAsync(list, account.Id, ct);
            }
            finally
            {
                _recent.Forget(list);
            }
        }));

    /// <summary>
    /// Up to <paramref name="want"/> accounts that <paramref name="keep"/> accepts, from position <paramref name="from"/>
    /// on (towards the end, or towards the start when <paramref name="forward"/> is false), read in windows that grow
    /// from the page size up to <see cref="MaxWindow"/>.
    /// </summary>
    public Task<IReadOnlyList<ListedAccount>> ReadAsync(AccountList list, AccountListHead head, long from, bool forward, int want,
        Func<Account, bool> keep, CancellationToken ct) =>
        ReadAsync(list, head, from, forward, want, keep, recent: false, ct);

    private async Task<IReadOnlyList<ListedAccount>> ReadAsync(AccountList list, AccountListHead head, long from, bool forward, int want,
        Func<Account, bool> keep, bool recent, CancellationToken ct)
    {
        var found = new List<ListedAccount>();
        var window = Math.Clamp(want, 1, MaxWindow);
        var position = from;
        while (found.Count < want && (forward ? position < head.Appended : position >= 0))
        {
            var first = forward ? position : Math.Max(0, position - window + 1);
            var count = (int)(forward ? Math.Min(window, head.Appended - position) : position - first + 1);
            var ids = await lists.SlotsAsync(list, head, first, count, ct);
            var rows = await Task.WhenAll(ids.Select(id => id is null ? Task.FromResult<Account?>(null)
                : recent ? accounts.GetRecentAsync(list.TenantId, id, ct) : accounts.GetAsync(list.TenantId, id, ct)));
            var listed = rows.Select((account, i) => (Account: account, Position: first + i))
                .Where(r => r.Account is not null && list.Contains(r.Account) && keep(r.Account))
                .Select(r => new ListedAccount(r.Position, r.Account!));
            found.AddRange((forward ? listed : listed.Reverse()).Take(want - found.Count));
            position = forward ? first + count : first - 1;
            window = Math.Min(window * 2, MaxWindow);
        }

        return found;
    }

    /// <summary>Every account of the list accepted by <paramref name="keep"/>, in list order: costs the whole list.</summary>
    public async Task<IReadOnlyList<Account>> AllAsync(AccountList list, Func<Account, bool> keep, CancellationToken ct) =>
        await AllAsync(list, await HeadAsync(list, ct), keep, recent: false, ct);

    /// <summary>
    /// As <see cref="AllAsync(AccountList, Func{Account, bool}, CancellationToken)"/>, for showing the accounts only:
    /// the list's head and its accounts as recent as <see cref="RecentReads"/> allows.
    /// </summary>
    public async Task<IReadOnlyList<Account>> AllRecentAsync(AccountList list, Func<Account, bool> keep, CancellationToken ct) =>
        await AllAsync(list, _recent.TryGet(list, out var head) ? head : await HeadAsync(list, ct), keep, recent: true, ct);

    private async Task<IReadOnlyList<Account>> AllAsync(AccountList list, AccountListHead head, Func<Account, bool> keep, bool recent,
        CancellationToken ct) =>
        (await ReadAsync(list, head, 0, forward: true, (int)Math.Min(int.MaxValue, head.Appended), keep, recent, ct))
            .Select(l => l.Account).ToList();

    // Accounts stored before lists existed, in their creation order; the store keeps only the first build. In a tenant
    // whose accounts were all opened with lists, a list without a head is empty: no scan.
    private async Task<AccountListHead> BuildAsync(AccountList list, CancellationToken ct)
    {
        if (await lists.CoversTenantAsync(list.TenantId, ct))
        {
            return await lists.CreateAsync(list, [], ct);
        }

        var stored = list.HolderId is not null
            ? await accounts.ListByHolderAsync(list.TenantId, list.HolderId, ct)
            : await accounts.ListByTenantAsync(list.TenantId, list.Kinds.Count == 1 ? list.Kinds[0] : null, ct);
        var members = stored.Where(list.Contains)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => (a.Id, a.IsClosed)).ToList();
        return await lists.CreateAsync(list, members, ct);
    }
}

/// <summary>An account and its position in a list.</summary>
public sealed record ListedAccount(long Position, Account Account);
