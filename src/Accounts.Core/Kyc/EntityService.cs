using Accounts.Core.Errors;

namespace Accounts.Core.Kyc;

/// <summary>
/// Creates a tenant's entities and records the partner's KYC/KYB decision. Approval opens the entity's first account;
/// approving again (even concurrently) opens nothing more. A decision is final: the opposite decision is a conflict.
/// </summary>
public sealed class EntityService(IEntityStore entities, EntityProduct accounts, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public async Task<Entity> CreateAsync(string tenantId, EntityType type, string? name, string? country, CancellationToken ct)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw DomainException.Invalid("name", "name is required");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw DomainException.Invalid("name", $"name must not exceed {MaxNameLength} characters");
        }

        var now = clock.GetUtcNow();
        var entity = new Entity
        {
            Id = Guid.CreateVersion7(now).ToString(),
            TenantId = tenantId,
            Type = type,
            Name = trimmed,
            Country = CountryCodes3.Parse(country, "country"),
            Status = EntityStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await entities.InsertAsync(entity, ct);
    }

    /// <param name="decision">Approved or Rejected.</param>
    public async Task<Entity> VerifyAsync(string tenantId, string entityId, EntityStatus decision, CancellationToken ct)
    {
        if (decision == EntityStatus.Pending)
        {
            throw DomainException.Invalid("status", "status must be \"approved\" or \"rejected\"");
        }

        var entity = await DecideAsync(tenantId, entityId, decision, ct);
        if (entity.Status == EntityStatus.Approved)
        {
            // Not cancelled with the request: once approved, the first account must follow. A repeated approval also
            // completes a first approval whose process stopped before the account was stored.
            await accounts.OpenFirstAsync(entity, CancellationToken.None);
        }

        return entity;
    }

    private async Task<Entity> DecideAsync(string tenantId, string entityId, EntityStatus decision, CancellationToken ct)
    {
        while (true)
        {
            var entity = await accounts.GetEntityAsync(tenantId, entityId, ct);
            if (entity.Status == decision)
            {
                return entity;
            }

            if (entity.Status != EntityStatus.Pending)
            {
                throw DomainException.Conflict(
                    $"entity {entityId} was already {entity.Status.ToString().ToLowerInvariant()}; a {entity.Check} decision is final");
            }

            try
            {
                return await entities.UpdateAsync(entity with { Status = decision, UpdatedAt = clock.GetUtcNow() }, ct);
            }
            catch (ConcurrencyException)
            {
                // Decided meanwhile by a concurrent call: read the decision and judge again.
            }
        }
    }
}
