using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Idempotency;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;

namespace Accounts.Core.Accounts;

/// <summary>
/// The one lifecycle of every account, whatever its product: open, get, list, update (label, externalId, status:
/// block and unblock), close, and its balance. What differs by product is asked of <see cref="AccountPolicy"/>; how a
/// dialect addresses an account (by id, by number, as its holder) is the <c>load</c> it passes, which also gives the
/// dialect's own refusals. Every write is ETag-checked and decided again on fresh state when it loses a race.
/// </summary>
public sealed class AccountLifecycle(IAccountStore accounts, AccountLists lists, AccountNumbers numbers, IdempotencyKeys keys,
    AccountSeal seal, LedgerService ledger, TimeProvider clock)
{
    private const int InsertAttempts = 20;

    /// <summary>Where externalIds are unique: per tenant. Stored with every claim, so it never changes.</summary>
    public static string ExternalIdScope(string tenantId) => $"internal-external-id|{tenantId}";

    public static DomainException ExternalIdTaken(string externalId) =>
        new(ErrorKind.Conflict, $"externalId '{externalId}' is already used by another account", "externalId");

    /// <summary>
    /// Opens the account unless its id exists (then returns the stored one, for the caller to judge as a replay).
    /// Its number is allocated for its id first, so a number is never given to two accounts. It is appended to its
    /// lists before it is stored (see <see cref="AccountLists"/>), so a stored account is always listed; its creation
    /// time is its time in its kind's list, so that list's order is creation order.
    /// </summary>
    public async Task<Account> OpenAsync(AccountOpening opening, CancellationToken ct)
    {
        DateTimeOffset? createdAt = null;
        for (var attempt = 0; attempt < InsertAttempts; attempt++)
        {
            if ((opening.MayExist || attempt > 0) && await accounts.GetAsync(opening.TenantId, opening.AccountId, ct) is { } existing)
            {
                return existing;
            }

            var number = await numbers.AllocateAsync(opening.Numbers, opening.TenantId, opening.AccountId, ct);
            createdAt ??= await lists.AppendAsync(opening, clock.GetUtcNow(), ct);
            try
            {
                return await accounts.InsertAsync(opening.ToAccount(number, createdAt.Value), ct);
            }
            catch (ConcurrencyException)
            {
                // Either a concurrent open of the same id stored it first (found on the next round), or the number is
                // already indexed for another account of this tenant from another source (then draw another).
            }
        }

        throw DomainException.Unavailable(opening.Numbers.Unavailable);
    }

    /// <summary>The tenant's account of <paramref name="kind"/> (and of <paramref name="holderId"/>, when given), or NotFound.</summary>
    public async Task<Account> GetAsync(string tenantId, string accountId, AccountKind kind, string? holderId, CancellationToken ct) =>
        Visible(await accounts.GetAsync(tenantId, accountId, ct), accountId, kind, holderId);

    /// <summary>As <see cref="GetAsync"/>, for showing the account only: as recent as <see cref="RecentReads"/> allows.</summary>
    public async Task<Account> ShowAsync(string tenantId, string accountId, AccountKind kind, string? holderId, CancellationToken ct) =>
        Visible(await accounts.GetRecentAsync(tenantId, accountId, ct), accountId, kind, holderId);

    /// <summary>The holder's accounts of <paramref name="kind"/>, oldest first: reads the holder's whole list.</summary>
    public Task<IReadOnlyList<Account>> ListAsync(string tenantId, string holderId, AccountKind kind, CancellationToken ct) =>
        lists.AllAsync(AccountList.OfHolder(tenantId, kind, holderId), a => !(a.IsClosed && AccountPolicy.Of(kind).HidesClosed), ct);

    /// <summary>
    /// Changes what <paramref name="change"/> sets. Status can only become ACTIVE or BLOCKED (block, unblock): closing
    /// is <see cref="CloseAsync"/>. An externalId is claimed for the account (insert-if-absent) before it is written.
    /// </summary>
    public async Task<Account> UpdateAsync(Func<CancellationToken, Task<Account>> load, AccountChange change, CancellationToken ct)
    {
        CheckStatus(change.Status);
        var account = await load(ct);
        if (change.ExternalId is { } externalId && externalId != account.ExternalId
            && !await keys.ClaimUniqueAsync(ExternalIdScope(account.TenantId), externalId, account.Id, ct))
        {
            throw ExternalIdTaken(externalId);
        }

        while (true)
        {
            EnsureOpen(account, "updated");
            try
            {
                return await accounts.UpdateAsync(account with
                {
                    Label = change.Label ?? account.Label,
                    ExternalId = change.ExternalId ?? account.ExternalId,
                    Status = change.Status ?? account.Status,
                    UpdatedAt = clock.GetUtcNow(),
                }, ct);
            }
            catch (ConcurrencyException)
            {
                account = await load(ct);
            }
        }
    }

    /// <summary>
    /// Closes for good: sealed in its book first (see <see cref="AccountSeal"/>), so no deposit commits after the
    /// close decision, then marked CLOSED. Where the policy says so, refused while the book holds money (checked in
    /// the same commit as the seal) or a sub-account is open (its list of sub-accounts counts open ones). Once sealed,
    /// it is counted as closed in its lists (exactly once) before it is marked CLOSED, so no list total ever counts a
    /// CLOSED account as open. <paramref name="annotate"/> adds what the dialect keeps with the closing (a note).
    /// </summary>
    public async Task<Account> CloseAsync(Func<CancellationToken, Task<Account>> load, Func<Account, Account>? annotate,
        CancellationToken ct)
    {
        while (true)
        {
            var account = await load(ct);
            EnsureOpen(account, "closed again");
            var policy = AccountPolicy.Of(account.Kind);
            if (policy.HasSubAccounts)
            {
                var open = await OpenSubAccountsAsync(account, ct);
                if (open > 0)
                {
                    throw DomainException.Conflict($"account {account.Id} has {open} open sub-account(s); delete them first");
                }
            }

            await seal.SealAsync(account, policy.CloseRequiresEmpty, ct);
            await lists.MarkClosedAsync(account, ct);
            try
            {
                var closing = annotate is null ? account : annotate(account);
                return await accounts.UpdateAsync(closing with { Status = AccountStatus.Closed, UpdatedAt = clock.GetUtcNow() }, ct);
            }
            catch (ConcurrencyException)
            {
                // Changed meanwhile (paid, expired, closed, or a sub-account opened under it): decide again on fresh state.
            }
        }
    }

    /// <summary>The balance in the account's own currency; zero before any money arrived.</summary>
    public async Task<BookBalance> BalanceAsync(Account account, CancellationToken ct)
    {
        var currency = Currency.Parse(account.Currency, "currency");
        return (await ledger.GetBalancesAsync(account.BookId, ct)).FirstOrDefault(b => b.Currency.Code == currency.Code)
            ?? new BookBalance(account.BookId, currency, 0, 0, 0);
    }

    // The counter answers "none" in one read. Otherwise the stored sub-accounts are counted, so a position taken by an
    // open that never stored its account does not block the parent forever (an open still in flight is caught by
    // InternalParents' parent write after the child is stored).
    private async Task<int> OpenSubAccountsAsync(Account account, CancellationToken ct)
    {
        var subs = AccountList.OfParent(account.TenantId, account.Kind, account.Id);
        return (await lists.HeadAsync(subs, ct)).Open == 0 ? 0 : (await lists.AllAsync(subs, a => !a.IsClosed, ct)).Count;
    }

    private static void EnsureOpen(Account account, string verb)
    {
        if (account.IsClosed)
        {
            throw DomainException.Conflict($"account {account.Id} is closed and cannot be {verb}");
        }
    }

    private static Account Visible(Account? account, string accountId, AccountKind kind, string? holderId) =>
        account is not null && account.Kind == kind && (holderId is null || account.HolderId == holderId)
            && !(account.IsClosed && AccountPolicy.Of(kind).HidesClosed)
            ? account
            : throw DomainException.NotFound($"account {accountId} was not found");

    private static void CheckStatus(AccountStatus? status)
    {
        if (status is null or AccountStatus.Active or AccountStatus.Blocked)
        {
            return;
        }

        throw DomainException.Invalid("status", status == AccountStatus.Closed
            ? "status cannot be set to CLOSED; delete the account instead"
            : "status can only be changed to ACTIVE or BLOCKED");
    }
}
