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

public enum EntityType
{
    Personal,
    Business,
}

/// <summary>Verification state. Pending until the partner decides; a decision is final.</summary>
public enum EntityStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Entities of all tenants, always addressed with the tenant id.</summary>
public interface IEntityStore
{
    /// <summary>Stores a new entity; throws ConcurrencyException if the id exists.</summary>
    Task<Entity> InsertAsync(Entity entity, CancellationToken ct);

    /// <summary>Replaces an entity if its <see cref="Entity.Version"/> is current; throws ConcurrencyException otherwise.</summary>
    Task<Entity> UpdateAsync(Entity entity, CancellationToken ct);

    Task<Entity?> GetAsync(string tenantId, string entityId, CancellationToken ct);
}
