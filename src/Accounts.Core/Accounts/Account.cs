namespace Accounts.Core.Accounts;

/// <summary>
/// An account of a tenant's holder. Money is not held here but in <see cref="BookId"/>. <see cref="Attributes"/>
/// keeps dialect details that the core does not interpret (holder names, contact data, requested features).
/// <see cref="Version"/> is the store's concurrency token; updates are refused when it is stale.
/// </summary>
public sealed record Account
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required AccountKind Kind { get; init; }

    public required string HolderId { get; init; }

    public required string AccountNumber { get; init; }

    public required string InstitutionCode { get; init; }

    public required string Currency { get; init; }

    public required string Country { get; init; }

    public required string Type { get; init; }

    public required AccountStatus Status { get; init; }

    public required string BookId { get; init; }

    public string? Label { get; init; }

    public string? ExternalId { get; init; }

    public string? ParentId { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public long? ExpectedAmountMinor { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public string? Version { get; init; }

    public bool IsClosed => Status == AccountStatus.Closed;

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Which product an account is; decides which dialect shows it and where its money is booked.</summary>
public enum AccountKind
{
    /// <summary>A multi-currency receiving account (Zoqq); credits go to its holder's wallet book.</summary>
    Global,
    NubanStatic,
    NubanDynamic,
    Internal,
    Entity,
}

public enum AccountStatus
{
    Pending,
    Active,
    Inactive,
    Blocked,
    Closed,
    Expired,
}
