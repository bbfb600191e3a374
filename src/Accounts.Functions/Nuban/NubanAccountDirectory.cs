using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.NubanAccounts;

namespace Accounts.Functions.Nuban;

/// <summary>
/// How the Nuban dialect addresses accounts: by account number, with its own refusals (the <c>load</c> it passes to
/// <see cref="AccountLifecycle"/>). A closed account refuses every operation (403); a dynamic account past its expiry
/// time is gone (410) even before the expiry timer has marked it. The texts are the wire's, so they live here.
/// </summary>
public sealed class NubanAccountDirectory(IAccountStore accounts, AccountLists lists, AccountLifecycle lifecycle, TimeProvider clock)
{
    public const string ClosedMessage = "account is closed - no operations can be performed on a closed account";
    public const int MaxLimit = 100;

    /// <summary>
    /// The account of <paramref name="kind"/> with this number, for showing it (as recent as <see cref="RecentReads"/>
    /// allows); any other kind or tenant is not found.
    /// </summary>
    public async Task<Account> ShowAsync(string tenantId, string accountNumber, AccountKind kind, CancellationToken ct)
    {
        var account = Nuban(await accounts.FindRecentByNumberAsync(tenantId, accountNumber, ct), accountNumber);
        if (account.Kind != kind)
        {
            throw NotFound(kind, accountNumber);
        }

        EnsureOpen(account);
        return DynamicExpiry.IsExpired(account, clock.GetUtcNow())
            ? throw DomainException.Gone(
                $"dynamic account {accountNumber} expired at {account.ExpiresAt!.Value.UtcDateTime:O} and is no longer active")
            : account;
    }

    public async Task<NubanPage> ListAsync(string tenantId, AccountKind? kind, int page, int limit, CancellationToken ct)
    {
        if (page < 1)
        {
            throw DomainException.Invalid("page", "page must be a whole number from 1");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw DomainException.Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}");
        }

        // Newest first: page 1 ends at the last position. The total is the list's counter; closed accounts stay listed.
        var list = kind is { } only ? AccountList.OfKinds(tenantId, only) : AccountList.Nuban(tenantId);
        var head = await lists.HeadAsync(list, ct);
        var top = head.Appended - 1 - ((long)page - 1) * limit;
        var items = top < 0 ? [] : await lists.ReadAsync(list, head, top, forward: false, limit, _ => true, ct);
        return new NubanPage(items.Select(i => i.Account).ToList(), page, limit, (int)Math.Min(int.MaxValue, head.Appended));
    }

    /// <summary>Closes for good. <paramref name="kind"/> restricts which accounts this route may close (null: any NUBAN).</summary>
    public Task<Account> CloseAsync(string tenantId, string accountNumber, AccountKind? kind, string? note, CancellationToken ct) =>
        lifecycle.CloseAsync(async token =>
        {
            var account = await FindAsync(tenantId, accountNumber, token);
            if (kind is { } only && account.Kind != only)
            {
                throw NotFound(only, accountNumber);
            }

            EnsureOpen(account);
            return account;
        }, account => string.IsNullOrWhiteSpace(note)
            ? account
            : account with { Attributes = new Dictionary<string, string>(account.Attributes) { [NubanAttributes.CloseNote] = note.Trim() } },
            ct);

    private async Task<Account> FindAsync(string tenantId, string accountNumber, CancellationToken ct) =>
        Nuban(await accounts.FindByNumberAsync(tenantId, accountNumber, ct), accountNumber);

    private static Account Nuban(Account? account, string accountNumber) =>
        account is { Kind: AccountKind.NubanStatic or AccountKind.NubanDynamic }
            ? account
            : throw DomainException.NotFound($"no account found with account number {accountNumber}");

    private static void EnsureOpen(Account account)
    {
        if (account.IsClosed)
        {
            throw DomainException.Forbidden(ClosedMessage);
        }
    }

    private static DomainException NotFound(AccountKind kind, string accountNumber) =>
        DomainException.NotFound(
            $"no {(kind == AccountKind.NubanStatic ? "static" : "dynamic")} account found with account number {accountNumber}");
}

/// <summary>One page of a tenant's NUBAN accounts, newest first (by position in their list); <see cref="TotalItems"/> counts every page.</summary>
public sealed record NubanPage(IReadOnlyList<Account> Items, int Page, int Limit, int TotalItems)
{
    public int TotalPages => TotalItems == 0 ? 0 : (TotalItems + Limit - 1) / Limit;
}
