namespace Accounts.Core.Kyc;

/// <summary>Entities of all tenants, always addressed with the tenant id.</summary>
public interface IEntityStore
{
    /// <summary>Stores a new entity; throws ConcurrencyException if the id exists.</summary>
    Task<Entity> InsertAsync(Entity entity, CancellationToken ct);

    /// <summary>Replaces an entity if its <see cref="Entity.Version"/> is current; throws ConcurrencyException otherwise.</summary>
    Task<Entity> UpdateAsync(Entity entity, CancellationToken ct);

    Task<Entity?> GetAsync(string tenantId, string entityId, CancellationToken ct);
}
