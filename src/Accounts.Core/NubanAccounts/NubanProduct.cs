using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Errors;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Security;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// The NUBAN product's part of opening: NGN static accounts (one per customer, receiving repeatedly) and dynamic
/// accounts (one expected payment, time-bound), numbered with NUBAN check digits at the configured institution, each
/// its own book. Uniqueness is claimed before anything is written, and claims are released when the open fails, so a
/// refused request leaves nothing behind. <c>type</c> is the dialect's stored word for the product.
/// </summary>
public sealed class NubanProduct(AccountLifecycle lifecycle, IAccountStore accounts, NubanClaims claims, IExpiryIndex expiry,
    InstitutionCatalog catalog, NubanSettings settings, SecretBox box, TimeProvider clock)
{
    public const int MaxDurationMinutes = 7 * 24 * 60;

    public Institution Institution { get; } = catalog.Find(settings.InstitutionCode) is { Country: "NG" } found && found.Offers("NGN")
        ? found
        : throw new InvalidOperationException($"NUBAN institution {settings.InstitutionCode} is not a Nigerian NGN institution in the catalog");

    public async Task<Account> OpenStaticAsync(string tenantId, NubanCustomer customer, string type, CancellationToken ct)
    {
        var accountId = Guid.CreateVersion7().ToString();
        await claims.ClaimCustomerAsync(tenantId, customer, accountId, ct);
        var attributes = new Dictionary<string, string>
        {
            [NubanAttributes.AccountName] = customer.FullName,
            [NubanAttributes.FirstName] = customer.FirstName,
            [NubanAttributes.LastName] = customer.LastName,
            [NubanAttributes.Email] = customer.Email,
            [NubanAttributes.Phone] = customer.Phone,
        };
        // Kept for the customer's record but never shown after the create answer (which echoes the request): sealed.
        Seal(attributes, tenantId, accountId, NubanAttributes.Bvn, customer.Bvn);
        Seal(attributes, tenantId, accountId, NubanAttributes.DateOfBirth, customer.DateOfBirth is { } dob ? NubanFields.FormatDate(dob) : null);
        Seal(attributes, tenantId, accountId, NubanAttributes.Address, customer.Address);
        try
        {
            // The customer id is the holder: a static account is "uniquely tied to the user profile".
            return await lifecycle.OpenAsync(Opening(tenantId, accountId, AccountKind.NubanStatic, type, Guid.CreateVersion7().ToString(),
                attributes), ct);
        }
        catch
        {
            await ReleaseIfNotWrittenAsync(tenantId, accountId, () => claims.ReleaseCustomerAsync(tenantId, customer, accountId));
            throw;
        }
    }

    public async Task<Account> OpenDynamicAsync(string tenantId, string accountName, string type, NewDynamicAccount request,
        CancellationToken ct)
    {
        var amount = request.Amount is { } value
            ? Money.Money.FromDecimal(value, Naira.Currency, "amount")
            : throw DomainException.Invalid("amount", "amount is required");
        if (amount.Minor == 0)
        {
            throw DomainException.Invalid("amount", "amount must be greater than 0");
        }

        var duration = request.DurationInMinutes ?? throw DomainException.Invalid("duration_in_minutes", "duration_in_minutes is required");
        if (duration is < 1 or > MaxDurationMinutes)
        {
            throw DomainException.Invalid("duration_in_minutes", $"duration_in_minutes must be between 1 and {MaxDurationMinutes}");
        }

        var reference = request.Reference is null
            ? "ref_" + Guid.NewGuid().ToString("N")
            : NubanFields.Reference(request.Reference, "reference");
        var accountId = Guid.CreateVersion7().ToString();
        await claims.ClaimReferenceAsync(tenantId, reference, accountId, ct);
        var expiresAt = clock.GetUtcNow().AddMinutes(duration);
        var attributes = new Dictionary<string, string>
        {
            [NubanAttributes.AccountName] = accountName,
            [NubanAttributes.Reference] = reference,
        };
        try
        {
            // Indexed before the account exists, so no dynamic account can ever be missing from the expiry index.
            await expiry.AddAsync(new ExpiryEntry(tenantId, accountId, expiresAt), ct);
            return await lifecycle.OpenAsync(Opening(tenantId, accountId, AccountKind.NubanDynamic, type, accountId, attributes) with
            {
                ExpiresAt = expiresAt,
                ExpectedAmountMinor = amount.Minor,
            }, ct);
        }
        catch
        {
            await ReleaseIfNotWrittenAsync(tenantId, accountId, () => claims.ReleaseReferenceAsync(tenantId, reference, accountId));
            throw;
        }
    }

    private AccountOpening Opening(string tenantId, string accountId, AccountKind kind, string type, string holderId,
        Dictionary<string, string> attributes) => new()
    {
        TenantId = tenantId,
        AccountId = accountId,
        Kind = kind,
        HolderId = holderId,
        Numbers = new NumberSource.Drawn(Institution),
        Currency = Naira.Currency.Code,
        Country = "NG",
        Type = type,
        Attributes = attributes,
    };

    /// <summary>
    /// A failed insert may still have landed (its answer lost); then the claims belong to a real account and must stay,
    /// or a second account could take the same email or reference.
    /// </summary>
    private async Task ReleaseIfNotWrittenAsync(string tenantId, string accountId, Func<Task> release)
    {
        if (await accounts.GetAsync(tenantId, accountId, CancellationToken.None) is null)
        {
            await release();
        }
    }

    /// <summary>A sealed attribute's value in clear; null when the account has none.</summary>
    public string? Unseal(Account account, string name) =>
        account.Attribute(name) is { } sealedValue ? box.Open(sealedValue, SealContext(account.TenantId, account.Id, name)) : null;

    private void Seal(Dictionary<string, string> attributes, string tenantId, string accountId, string name, string? value)
    {
        if (value is not null)
        {
            attributes[name] = box.Seal(value, SealContext(tenantId, accountId, name));
        }
    }

    // Bound to the account and field: a sealed value copied to another account or field does not open there.
    private static string SealContext(string tenantId, string accountId, string name) => $"nuban:{tenantId}:{accountId}:{name}";
}

/// <summary>A request for a dynamic account, as the client sent it; the service validates every field.</summary>
public sealed record NewDynamicAccount(decimal? Amount, string? Reference, int? DurationInMinutes);

/// <summary>Which institution issues NUBAN accounts; its CBN code feeds the check digit. Default FCMB MFB.</summary>
public sealed record NubanSettings(string InstitutionCode = NubanSettings.DefaultInstitutionCode)
{
    public const string DefaultInstitutionCode = "090409";
}

/// <summary>The currency of every NUBAN account.</summary>
public static class Naira
{
    public static Currency Currency { get; } = Currency.Parse("NGN", "currency");
}
