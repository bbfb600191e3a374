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
public sealed class GlobalProduct(AccountLifecycle lifecycle, InstitutionCatalog catalog, LedgerService ledger)
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

    public async Task<IReadOnlyList<Account>> ListAsync(string tenantId, string userId, GlobalAccountFilter filter, CancellationToken ct)
    {
        var currency = filter.Currency is null ? null : Currency.Parse(filter.Currency, "currency").Code;
        return (await lifecycle.ListAsync(tenantId, userId, AccountKind.Global, ct))
            .Where(a => filter.Id is null || a.Id == filter.Id)
            .Where(a => currency is null || a.Currency == currency)
            .Where(a => filter.Status is null || a.Status == filter.Status)
            .ToList();
    }
}

public sealed record GlobalAccountFilter(string? Id, string? Currency, AccountStatus? Status);

/// <summary>A request to open a multi-currency receiving account for a tenant's user.</summary>
public sealed record OpenGlobalAccount(
    string? Country,
    string? Currency,
    string? Label,
    IReadOnlyList<RequiredFeature> RequiredFeatures);
