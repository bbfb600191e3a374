using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.Kyc;

/// <summary>
/// Accounts of verified entities. Each account has its own book; its number comes from the pool of the entity's
/// country (or the default country). Another tenant's entity or account is reported as not found.
/// </summary>
public sealed class EntityAccountService(IEntityStore entities, IAccountStore accounts, AccountNumberPool numbers,
    NumberPoolSettings pools, TimeProvider clock)
{
    /// <summary>The first account's id is fixed by the entity, so repeated or concurrent approvals open it once.</summary>
    public static string FirstAccountId(string tenantId, string entityId) => DeterministicId.From($"vertex/first-account|{tenantId}|{entityId}");

    /// <summary>Opens an additional account; the entity must have passed KYC/KYB.</summary>
    public async Task<Account> CreateAsync(string tenantId, string entityId, CancellationToken ct)
    {
        var entity = await GetEntityAsync(tenantId, entityId, ct);
        if (entity.Status != EntityStatus.Approved)
        {
            throw DomainException.Invalid("entity_id",
                $"entity {entityId} has not passed {entity.Check} verification (status {entity.Status.ToString().ToLowerInvariant()}); accounts can only be opened for approved entities");
        }

        return await OpenAsync(entity, Guid.CreateVersion7(clock.GetUtcNow()).ToString(), ct);
    }

    /// <summary>Opens the entity's first account unless it exists; called on (every) approval.</summary>
    public Task<Account> OpenFirstAsync(Entity entity, CancellationToken ct) =>
        OpenAsync(entity, FirstAccountId(entity.TenantId, entity.Id), ct);

    /// <summary>The entity and its accounts, oldest first.</summary>
    public async Task<(Entity Entity, IReadOnlyList<Account> Accounts)> ListByEntityAsync(string tenantId, string entityId, CancellationToken ct)
    {
        var entity = await GetEntityAsync(tenantId, entityId, ct);
        var owned = await accounts.ListByHolderAsync(tenantId, entityId, ct);
        return (entity, owned.Where(a => a.Kind == AccountKind.Entity).ToList());
    }

    /// <summary>The tenant's entity account and its entity, or NotFound.</summary>
    public async Task<(Account Account, Entity Entity)> GetOwnedAsync(string tenantId, string accountId, CancellationToken ct)
    {
        var account = await accounts.GetAsync(tenantId, accountId, ct);
        var entity = account is { Kind: AccountKind.Entity } ? await entities.GetAsync(tenantId, account.HolderId, ct) : null;
        return entity is not null ? (account!, entity) : throw DomainException.NotFound($"account {accountId} was not found");
    }

    public async Task<Entity> GetEntityAsync(string tenantId, string entityId, CancellationToken ct) =>
        await entities.GetAsync(tenantId, entityId, ct) ?? throw DomainException.NotFound($"entity {entityId} was not found");

    private async Task<Account> OpenAsync(Entity entity, string accountId, CancellationToken ct)
    {
        if (await accounts.GetAsync(entity.TenantId, accountId, ct) is { } existing)
        {
            return existing;
        }

        var pool = pools.For(entity.Country);
        var number = await numbers.AllocateAsync(pool, entity.TenantId, accountId, ct);
        var now = clock.GetUtcNow();
        var account = new Account
        {
            Id = accountId,
            TenantId = entity.TenantId,
            Kind = AccountKind.Entity,
            HolderId = entity.Id,
            AccountNumber = number,
            InstitutionCode = pool.InstitutionCode,
            Currency = pool.Currency.Code,
            Country = pool.Country,
            Type = entity.Type.ToString().ToLowerInvariant(),
            Status = AccountStatus.Active,
            BookId = Books.OfAccount(entity.TenantId, accountId),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            return await accounts.InsertAsync(account, ct);
        }
        catch (ConcurrencyException)
        {
            // A concurrent approval opened this first account meanwhile; the number taken here stays unused.
            return await accounts.GetAsync(entity.TenantId, accountId, ct)
                ?? throw new InvalidOperationException($"Account {accountId} was reported as existing but cannot be read");
        }
    }
}
