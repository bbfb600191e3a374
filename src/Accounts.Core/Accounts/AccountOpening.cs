using Accounts.Core.Accounts.Numbers;

namespace Accounts.Core.Accounts;

/// <summary>
/// An account to open, as its product describes it: everything but the number (drawn from <see cref="Numbers"/>) and
/// the book (the product's rule). <see cref="AccountId"/> is fixed by the caller, so a retried open finds the account
/// it made rather than a second one. <see cref="Type"/> is stored as given: the dialect's word for the product.
/// </summary>
public sealed record AccountOpening
{
    /// <summary>The attribute holding the account's IBAN, set at opening where its institution quotes IBANs.</summary>
    public const string IbanAttribute = "iban";

    public required string TenantId { get; init; }

    public required string AccountId { get; init; }

    /// <summary>
    /// The id comes from the request (an idempotency key's operation id, an entity's first account), so it may be
    /// stored already: look before drawing a number, so a replay spends none. A fresh id is looked up only after an
    /// insert conflict.
    /// </summary>
    public bool MayExist { get; init; }

    public required AccountKind Kind { get; init; }

    public required string HolderId { get; init; }

    public required NumberSource Numbers { get; init; }

    public required string Currency { get; init; }

    public required string Country { get; init; }

    public required string Type { get; init; }

    public string? Label { get; init; }

    public string? ExternalId { get; init; }

    public string? ParentId { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public long? ExpectedAmountMinor { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public Account ToAccount(string number, DateTimeOffset now) => new()
    {
        Id = AccountId,
        TenantId = TenantId,
        Kind = Kind,
        HolderId = HolderId,
        AccountNumber = number,
        InstitutionCode = Numbers.InstitutionCode,
        Currency = Currency,
        Country = Country,
        Type = Type,
        Status = AccountStatus.Active,
        BookId = AccountPolicy.Of(Kind).BookOf(TenantId, HolderId, AccountId),
        Label = Label,
        ExternalId = ExternalId,
        ParentId = ParentId,
        ExpiresAt = ExpiresAt,
        ExpectedAmountMinor = ExpectedAmountMinor,
        CreatedAt = now,
        UpdatedAt = now,
        Attributes = Numbers.Iban(number) is { } iban
            ? new Dictionary<string, string>(Attributes) { [IbanAttribute] = iban }
            : Attributes,
    };
}

/// <summary>A change of an account's mutable fields; null means "leave as is".</summary>
public sealed record AccountChange(string? Label = null, string? ExternalId = null, AccountStatus? Status = null);
