using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Idempotency;
using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Core.Internal;

/// <summary>
/// The internal product's part of opening: internal ledger accounts of a tenant, numbered by 12-digit internal
/// references, optionally under a parent (see <see cref="InternalParents"/>). <c>externalId</c> is unique per tenant
/// and doubles as the create's idempotency key (<see cref="IdempotencyKeys"/>): the same create replayed returns the
/// account it made; another create with the same externalId is a conflict.
/// </summary>
public sealed class InternalProduct(AccountLifecycle lifecycle, IAccountStore accounts, IdempotencyKeys keys, InternalParents parents)
{
    public async Task<Account> OpenAsync(string tenantId, OpenInternalAccount request, CancellationToken ct)
    {
        var currency = Currency.Parse(request.Currency, "currency");
        var fresh = Guid.NewGuid().ToString();
        var accountId = fresh;
        if (request.ExternalId is { } externalId)
        {
            accountId = await keys.ClaimAsync(AccountLifecycle.ExternalIdScope(tenantId), externalId, fresh, request.Fingerprint(), ct,
                owner => LegacyFingerprintAsync(tenantId, owner, ct)) ?? throw AccountLifecycle.ExternalIdTaken(externalId);
            if (accountId != fresh && await accounts.GetAsync(tenantId, accountId, ct) is { } replayed)
            {
                return Open(replayed, externalId);
            }

            // Otherwise the first create with this externalId stopped before storing its account: finish it under that id.
        }

        var parent = await parents.CheckAsync(tenantId, request.ParentId, currency, ct);
        var account = Open(await lifecycle.OpenAsync(new AccountOpening
        {
            TenantId = tenantId,
            AccountId = accountId,
            MayExist = accountId != fresh,
            Kind = AccountKind.Internal,
            HolderId = request.IdentityId,
            Numbers = NumberSource.InternalReference,
            Currency = currency.Code,
            Country = string.Empty,
            Type = request.Type,
            Label = request.Name,
            ExternalId = request.ExternalId,
            ParentId = request.ParentId,
            Attributes = new Dictionary<string, string> { [InternalAttributes.Custody] = request.Custody },
        }, ct), request.ExternalId ?? accountId);
        return parent is null ? account : await parents.ConfirmAsync(account, parent, ct);
    }

    private static Account Open(Account account, string externalId) => account.IsClosed
        ? throw new DomainException(ErrorKind.Conflict, $"externalId '{externalId}' belongs to an account that has been deleted", "externalId")
        : account;

    private async Task<string?> LegacyFingerprintAsync(string tenantId, string owner, CancellationToken ct) =>
        (await accounts.GetAsync(tenantId, owner, ct))?.Attribute(InternalAttributes.CreateFingerprint);
}

/// <summary>Names of the attributes an internal account keeps beside the core fields.</summary>
public static class InternalAttributes
{
    public const string Custody = "custody";

    /// <summary>
    /// A digest of the create request, kept on accounts created before externalId claims held it: read only, so those
    /// creates still replay (see <see cref="Idempotency.IdempotencyKeys"/>).
    /// </summary>
    public const string CreateFingerprint = "create_fingerprint";
}

public static class InternalStatus
{
    /// <summary>The wire form of a status: ACTIVE, BLOCKED, CLOSED…</summary>
    public static string Name(AccountStatus status) => status.ToString().ToUpperInvariant();
}
