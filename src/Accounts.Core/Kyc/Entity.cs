namespace Accounts.Core.Kyc;

/// <summary>
/// A partner's customer (a person or a business) that owns entity accounts once verified (KYC for persons, KYB for
/// businesses). <see cref="Version"/> is the store's concurrency token; updates are refused when it is stale.
/// </summary>
public sealed record Entity
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required EntityType Type { get; init; }

    public required string Name { get; init; }

    /// <summary>ISO 3166-1 alpha-3.</summary>
    public required string Country { get; init; }

    public required EntityStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? Version { get; init; }

    /// <summary>"KYC" for persons, "KYB" for businesses: what the partner's verification decision stands for.</summary>
    public string Check => Type == EntityType.Business ? "KYB" : "KYC";
}
