using System.Security.Cryptography;
using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Money;
using Accounts.Core.Routing;

namespace Accounts.Core.Global;

/// <summary>
/// Multi-currency receiving accounts of a tenant's users. A user sees only their own accounts: anyone else's id
/// is reported as not found. All of a user's global accounts credit one wallet book, so balances are per user and
/// currency.
/// </summary>
public sealed class GlobalAccountService(IAccountStore accounts, InstitutionCatalog catalog, AccountSeal seal, TimeProvider clock)
{
    public const string VirtualAccountType = "virtual_account";

    private const int NumberAttempts = 20;

    /// <param name="accountId">The new account's id, fixed by the caller so a retried open finds the same account.</param>
    public async Task<Account> OpenAsync(string tenantId, string userId, string accountId, string holderName,
        OpenGlobalAccount request, CancellationToken ct)
    {
        if (request.Type != VirtualAccountType)
        {
            throw DomainException.Invalid("type", $"type must be \"{VirtualAccountType}\"");
        }

        var currency = Currency.Parse(request.Currency, "currency");
        if (request.RequiredFeatures.Count == 0)
        {
            throw DomainException.Invalid("required_features", "required_features must list at least one transfer capability");
        }

        var institution = catalog.Select(request.Country ?? string.Empty, currency.Code, request.RequiredFeatures);
        if (await accounts.GetAsync(tenantId, accountId, ct) is { } existing)
        {
            return existing;
        }

        var number = await ClaimNumberAsync(institution, tenantId, accountId, ct);
        var now = clock.GetUtcNow();
        var attributes = new Dictionary<string, string>
        {
            [GlobalAttributes.HolderName] = holderName,
            [GlobalAttributes.RequiredFeatures] = GlobalAttributes.Encode(request.RequiredFeatures),
        };
        if (institution.Iban?.Build(institution, number) is { } iban)
        {
            attributes[GlobalAttributes.Iban] = iban;
        }

        var account = new Account
        {
            Id = accountId,
            TenantId = tenantId,
            Kind = AccountKind.Global,
            HolderId = userId,
            AccountNumber = number,
            InstitutionCode = institution.Code,
            Currency = currency.Code,
            Country = institution.Country,
            Type = VirtualAccountType,
            Status = AccountStatus.Active,
            BookId = Books.OfWallet(tenantId, userId),
            Label = request.Label,
            CreatedAt = now,
            UpdatedAt = now,
            Attributes = attributes,
        };
        try
        {
            return await accounts.InsertAsync(account, ct);
        }
        catch (ConcurrencyException)
        {
            // A concurrent retry of the same request inserted this id first.
            return await accounts.GetAsync(tenantId, accountId, ct)
                ?? throw new InvalidOperationException($"Account {accountId} was reported as existing but cannot be read");
        }
    }

    public async Task<IReadOnlyList<Account>> ListAsync(string tenantId, string userId, GlobalAccountFilter filter, CancellationToken ct)
    {
        var currency = filter.Currency is null ? null : Currency.Parse(filter.Currency, "currency").Code;
        var owned = await accounts.ListByHolderAsync(tenantId, userId, ct);
        return owned
            .Where(a => a.Kind == AccountKind.Global)
            .Where(a => filter.Id is null || a.Id == filter.Id)
            .Where(a => currency is null || a.Currency == currency)
            .Where(a => filter.Status is null || a.Status == filter.Status)
            .ToList();
    }

    /// <summary>The user's account, or NotFound when it does not exist or belongs to someone else.</summary>
    public async Task<Account> GetOwnedAsync(string tenantId, string userId, string accountId, CancellationToken ct)
    {
        var account = await accounts.GetAsync(tenantId, accountId, ct);
        return account is { Kind: AccountKind.Global } && account.HolderId == userId
            ? account
            : throw DomainException.NotFound($"account {accountId} was not found");
    }

    public Task<Account> RelabelAsync(string tenantId, string userId, string accountId, string label, CancellationToken ct) =>
        ChangeAsync(tenantId, userId, accountId, "updated", a => a with { Label = label }, ct);

    /// <summary>Closes for good: a closed account cannot be updated, closed again or credited.</summary>
    public async Task<Account> CloseAsync(string tenantId, string userId, string accountId, CancellationToken ct)
    {
        var account = await GetOwnedAsync(tenantId, userId, accountId, ct);
        if (!account.IsClosed)
        {
            // Sealed in the wallet book first, so no deposit to this account commits after the close decision.
            await seal.SealAsync(account, requireEmpty: false, ct);
        }

        return await ChangeAsync(tenantId, userId, accountId, "closed again", a => a with { Status = AccountStatus.Closed }, ct);
    }

    private async Task<Account> ChangeAsync(string tenantId, string userId, string accountId, string verb,
        Func<Account, Account> change, CancellationToken ct)
    {
        while (true)
        {
            var account = await GetOwnedAsync(tenantId, userId, accountId, ct);
            if (account.IsClosed)
            {
                throw DomainException.Conflict($"account {accountId} is closed and cannot be {verb}");
            }

            try
            {
                return await accounts.UpdateAsync(change(account) with { UpdatedAt = clock.GetUtcNow() }, ct);
            }
            catch (ConcurrencyException)
            {
                // Changed meanwhile (perhaps closed): decide again on the fresh state.
            }
        }
    }

    private async Task<string> ClaimNumberAsync(Institution institution, string tenantId, string accountId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < NumberAttempts; attempt++)
        {
            var candidate = AccountNumberGenerator.Next(institution, RandomNumberGenerator.GetInt32);
            if (await accounts.TryClaimNumberAsync(institution.Code, candidate, tenantId, accountId, ct))
            {
                return candidate;
            }
        }

        throw DomainException.Unavailable($"no free account number could be allocated at {institution.Name}; retry later");
    }
}
