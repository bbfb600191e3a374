using Accounts.Core.Accounts;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Claims;
using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Core.Internal;

/// <summary>
/// The internal product's part of opening: internal ledger accounts of a tenant, numbered by 12-digit internal
/// references, optionally under a parent (see <see cref="InternalParents"/>). <c>externalId</c> is unique per tenant
/// (claimed by insert-if-absent) and doubles as the create's idempotency key: the same create replayed returns the
/// account it made; another create with the same externalId is a conflict.
/// </summary>
public sealed class InternalProduct(AccountLifecycle lifecycle, IAccountStore accounts, IClaimStore claims, InternalParents parents)
{
    public async Task<Account> OpenAsync(string tenantId, OpenInternalAccount request, CancellationToken ct)
    {
        var currency = Currency.Parse(request.Currency, "currency");
        var fingerprint = request.Fingerprint();
        var accountId = Guid.NewGuid().ToString();
        if (request.ExternalId is { } externalId)
        {
            var scope = AccountLifecycle.ExternalIdScope(tenantId);
            if (!await claims.TryClaimAsync(scope, externalId, accountId, ct))
            {
                var owner = await claims.FindOwnerAsync(scope, externalId, ct)
                    ?? throw new InvalidOperationException($"externalId claim {externalId} vanished after a conflict");
                if (await accounts.GetAsync(tenantId, owner, ct) is { } existing)
                {
                    return Replay(existing, fingerprint, externalId);
                }

                // An earlier create with this externalId stopped before storing its account: finish it under that id.
                accountId = owner;
            }
        }

        var parent = await parents.CheckAsync(tenantId, request.ParentId, currency, ct);
        var account = Replay(await lifecycle.OpenAsync(new AccountOpening
        {
            TenantId = tenantId,
            AccountId = accountId,
            Kind = AccountKind.Internal,
            HolderId = request.IdentityId,
            Numbers = NumberSource.InternalReference,
            Currency = currency.Code,
            Country = string.Empty,
            Type = request.Type,
            Label = request.Name,
            ExternalId = request.ExternalId,
            ParentId = request.ParentId,
            Attributes = new Dictionary<string, string>
            {
                [InternalAttributes.Custody] = request.Custody,
                [InternalAttributes.CreateFingerprint] = fingerprint,
            },
        }, ct), fingerprint, request.ExternalId ?? accountId);
        return parent is null ? account : await parents.ConfirmAsync(account, parent, ct);
    }

    // A concurrent create with the same externalId may have stored the account first: it is ours only if it was made
    // from the same request.
    private static Account Replay(Account existing, string fingerprint, string externalId)
    {
        if (existing.Attribute(InternalAttributes.CreateFingerprint) != fingerprint)
        {
            throw new DomainException(ErrorKind.Conflict, $"externalId '{externalId}' is already used by another account", "externalId");
        }

        return existing.IsClosed
            ? throw new DomainException(ErrorKind.Conflict, $"externalId '{externalId}' belongs to an account that has been deleted", "externalId")
            : existing;
    }
}
