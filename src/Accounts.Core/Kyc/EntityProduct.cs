using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Errors;
using Accounts.Core.Idempotency;

namespace Accounts.Core.Kyc;

/// <summary>
/// The entity product's part of opening and reading: accounts of KYC/KYB-verified entities, each its own book,
/// numbered from the pool of the entity's country (or the default country). Another tenant's entity or account is
/// reported as not found.
/// </summary>
public sealed class EntityProduct(IEntityStore entities, AccountLifecycle lifecycle, AccountLists lists, NumberPoolSettings pools,
    TimeProvider clock)
{
    /// <summary>
    /// The approval's idempotency key: the first account's id is derived from the entity, so repeated or concurrent
    /// approvals open it once — the insert-if-absent of that account row is the claim (see <see cref="IdempotencyKeys.DerivedId"/>).
    /// </summary>
    public static string FirstAccountId(string tenantId, string entityId) => IdempotencyKeys.DerivedId($"vertex/first-account|{tenantId}|{entityId}");

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

    /// <summary>
    /// The entity and up to <paramref name="limit"/> of its accounts, oldest first, from position <paramref name="from"/>
    /// of its list; <c>Next</c> is where the next page starts, null at the end. A page costs the page.
    /// </summary>
    public async Task<(Entity Entity, IReadOnlyList<Account> Accounts, long? Next)> ListByEntityAsync(string tenantId, string entityId,
        long from, int limit, CancellationToken ct)
    {
        var entity = await GetEntityAsync(tenantId, entityId, ct);
        var list = AccountList.OfHolder(tenantId, AccountKind.Entity, entityId);
        var head = await lists.HeadAsync(list, ct);
        var read = await lists.ReadAsync(list, head, from, forward: true, limit + 1, _ => true, ct);
        var page = read.Take(limit).ToList();
        return (entity, page.Select(l => l.Account).ToList(), read.Count > limit ? page[^1].Position + 1 : null);
    }

    /// <summary>The tenant's entity account and its entity, or NotFound.</summary>
    public async Task<(Account Account, Entity Entity)> GetOwnedAsync(string tenantId, string accountId, CancellationToken ct)
    {
        var account = await lifecycle.GetAsync(tenantId, accountId, AccountKind.Entity, null, ct);
        var entity = await entities.GetAsync(tenantId, account.HolderId, ct);
        return entity is not null ? (account, entity) : throw DomainException.NotFound($"account {accountId} was not found");
    }

    public async Task<Entity> GetEntityAsync(string tenantId, string entityId, CancellationToken ct) =>
        await entities.GetAsync(tenantId, entityId, ct) ?? throw DomainException.NotFound($"entity {entityId} was not found");

    private Task<Account> OpenAsync(Entity entity, string accountId, CancellationToken ct)
    {
        var pool = pools.For(entity.Country);
        return lifecycle.OpenAsync(new AccountOpening
        {
            TenantId = entity.TenantId,
            AccountId = accountId,
            MayExist = true,
            Kind = AccountKind.Entity,
            HolderId = entity.Id,
            Numbers = new NumberSource.Pooled(pool),
            Currency = pool.Currency.Code,
            Country = pool.Country,
            Type = entity.Type.ToString().ToLowerInvariant(),
        }, ct);
    }
}
