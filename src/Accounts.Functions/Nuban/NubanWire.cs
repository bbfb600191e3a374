using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Routing;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Nuban;

/// <summary>Maps core accounts to the seed's wire records; storage and core types never leave this dialect raw.</summary>
public static class NubanWire
{
    /// <summary>Every account is a customer collection account; the seed shows no other category.</summary>
    public const string Category = "CUSTOMER";

    /// <summary>The product types on the wire, stored as each account's type.</summary>
    public const string StaticType = "STATIC";
    public const string DynamicType = "DYNAMIC";

    public static NubanStaticCreated Static(Account a, Institution bank) =>
        new(Name(a), a.AccountNumber, bank.Name, bank.Code, a.Currency);

    /// <summary>Date of birth and address come from the request: the account keeps them sealed.</summary>
    public static NubanCustomerCreated Customer(Account a, NubanCustomer customer, Institution bank) =>
        new(a.HolderId, Attr(a, NubanAttributes.FirstName), Attr(a, NubanAttributes.LastName), Attr(a, NubanAttributes.Email),
            Attr(a, NubanAttributes.Phone),
            customer.DateOfBirth is { } dob ? NubanFields.FormatDate(dob) : throw new InvalidOperationException("A created customer has a date of birth"),
            customer.Address ?? throw new InvalidOperationException("A created customer has an address"), Name(a),
            a.AccountNumber, bank.Name, bank.Code, a.Currency);

    public static NubanDynamicCreated Dynamic(Account a, Institution bank) =>
        new(NubanJson.Amount(a.ExpectedAmountMinor ?? 0), Attr(a, NubanAttributes.Reference), NubanJson.Time(a.ExpiresAt!.Value),
            Name(a), a.AccountNumber, bank.Name, bank.Code);

    public static NubanAccountDetail Detail(Account a, BookBalance balance, Tenant tenant, Institution bank)
    {
        var isStatic = a.Kind == AccountKind.NubanStatic;
        return new NubanAccountDetail(a.Id, tenant.Id, tenant.Environment, a.Currency, bank.Name, bank.Code, Name(a),
            a.AccountNumber, NubanJson.Time(a.UpdatedAt), NubanJson.Time(a.CreatedAt), NubanJson.Amount(balance.Posted),
            NubanJson.Amount(balance.Available), Status(a), a.UpdatedAt != a.CreatedAt, isStatic ? a.HolderId : null,
            a.Type, NubanJson.Time(a.ExpiresAt), Category, Tier: string.Empty)
        {
            Email = a.Attribute(NubanAttributes.Email),
            PhoneNumber = a.Attribute(NubanAttributes.Phone),
            Reference = a.Attribute(NubanAttributes.Reference),
            Amount = isStatic ? null : NubanJson.Amount(a.ExpectedAmountMinor ?? 0),
            AmountPaid = isStatic ? null : NubanJson.Amount(balance.Posted),
            PaymentStatus = isStatic ? null : NubanJson.Constant(DynamicPayments.StatusFor(balance.Posted, a.ExpectedAmountMinor ?? 0).ToString()),
            ExpirationTime = NubanJson.Time(a.ExpiresAt),
            Note = a.Attribute(NubanAttributes.CloseNote),
        };
    }

    public static NubanListItem ListItem(Account a, Tenant tenant, Institution bank, DateTimeOffset now) =>
        new(a.Id, tenant.Id, tenant.Environment, a.Currency, bank.Name, Name(a), a.AccountNumber, a.Type, Category, Status(a),
            NubanJson.Time(a.CreatedAt), NubanJson.Time(a.ExpiresAt), DynamicExpiry.IsExpired(a, now))
        {
            Reference = a.Attribute(NubanAttributes.Reference),
        };

    private static string Status(Account a) => a.Status.ToString().ToUpperInvariant();

    private static string Name(Account a) => Attr(a, NubanAttributes.AccountName);

    private static string Attr(Account a, string name) =>
        a.Attribute(name) ?? throw new InvalidOperationException($"NUBAN account {a.Id} has no {name}");
}
