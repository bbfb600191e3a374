using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Core.Routing;

namespace Accounts.Core.Global;

/// <summary>
/// The global product's part of opening and listing: multi-currency receiving accounts of a tenant's users, numbered
/// at the institution the catalog selects for the country, currency and features asked for. A user sees only their
/// own accounts (<see cref="AccountLifecycle.GetAsync"/> with the user as holder); all of them credit one wallet book,
/// which holds a balance (zero until money arrives) in the currency of every account opened for the user, so reading
/// the user's balances is reading that book alone.
/// </summary>
public sealed class GlobalProduct(AccountLifecycle lifecycle, AccountLists lists, InstitutionCatalog catalog, LedgerService ledger)
{
    /// <param name="accountId">The new account's id, fixed by the caller so a retried open finds the same account.</param>
    /// <param name="type">The dialect's stored word for this product.</param>
    public async Task<Account> OpenAsync(string tenantId, string userId, string accountId, string holderName, string type,
        OpenGlobalAccount request, CancellationToken ct)
    {
        var currency = Currency.Parse(request.Currency, "currency");
        if (request.RequiredFeatures.Count == 0)
        {
            throw DomainException.Invalid("required_features", "required_features must list at least one transfer capability");
        }

        var institution = catalog.Select(request.Country ?? string.Empty, currency.Code, request.RequiredFeatures);
        var account = await lifecycle.OpenAsync(new AccountOpening
        {
            TenantId = tenantId,
            AccountId = accountId,
            MayExist = true,
            Kind = AccountKind.Global,
            HolderId = userId,
            Numbers = new NumberSource.Drawn(institution),
            Currency = currency.Code,
            Country = institution.Country,
            Type = type,
            Label = request.Label,
            Attributes = new Dictionary<string, string>
            {
                [GlobalAttributes.HolderName] = holderName,
                [GlobalAttributes.RequiredFeatures] = GlobalAttributes.Encode(request.RequiredFeatures),
            },
        }, ct);

        // After the account, also when it existed (a retried open): a crash in between is healed by the client's retry,
        // and a failed open never leaves a currency line without an account.
        await ledger.OpenBalanceAsync(account.BookId, currency, ct);
        return account;
    }

    /// <summary>
    /// One page of the user's accounts, oldest first, read from the user's list: a page costs the page, except that
    /// a currency or status filter reads on past the accounts it drops (and skipping to page n reads the pages before
    /// it). An id is one account: read directly, NotFound when it is not the user's.
    /// </summary>
    public async Task<IReadOnlyList<Account>> ListAsync(string tenantId, string userId, GlobalAccountFilter filter, int page, int size,
        CancellationToken ct)
    {
        var currency = filter.Currency is null ? null : Currency.Parse(filter.Currency, "currency").Code;
        bool Keep(Account a) => (currency is null || a.Currency == currency) && (filter.Status is null || a.Status == filter.Status);
        if (filter.Id is not null)
        {
            var account = await lifecycle.GetAsync(tenantId, filter.Id, AccountKind.Global, userId, ct);
            return page == 1 && Keep(account) ? [account] : [];
        }

        var list = AccountList.OfHolder(tenantId, AccountKind.Global, userId);
        var head = await lists.HeadAsync(list, ct);
        var skip = ((long)page - 1) * size;
        var start = skip;
        if (skip > 0 && (currency is not null || filter.Status is not null))
        {
            var skipped = await lists.ReadAsync(list, head, 0, forward: true, (int)Math.Min(int.MaxValue, skip), Keep, ct);
            start = skipped.Count < skip ? head.Appended : skipped[^1].Position + 1;
        }

        return (await lists.ReadAsync(list, head, start, forward: true, size, Keep, ct)).Select(l => l.Account).ToList();
    }
}

public sealed record GlobalAccountFilter(string? Id, string? Currency, AccountStatus? Status);

/// <summary>A request to open a multi-currency receiving account for a tenant's user.</summary>
public sealed record OpenGlobalAccount(
    string? Country,
    string? Currency,
    string? Label,
    IReadOnlyList<RequiredFeature> RequiredFeatures);
