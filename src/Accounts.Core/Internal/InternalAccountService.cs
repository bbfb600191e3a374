using System.Security.Cryptography;
using Accounts.Core.Accounts;
using Accounts.Core.Claims;
using Accounts.Core.Errors;
using Accounts.Core.Money;
using Accounts.Core.Routing;

namespace Accounts.Core.Internal;

/// <summary>
/// Opens internal ledger accounts of a tenant, optionally under a parent. <c>externalId</c> is unique per tenant
/// (claimed by insert-if-absent) and doubles as the create's idempotency key: the same create replayed returns the
/// account it made; another create with the same externalId is a conflict.
/// </summary>
public sealed class InternalAccountService(IAccountStore accounts, IClaimStore claims, InternalParents parents, TimeProvider clock)
{
    private const int NumberAttempts = 20;

    // 12 digits: never equal to a 10-digit NUBAN or global account number of the same tenant (numbers share one index).
    private static readonly Institution Numbering = new(InternalAttributes.InstitutionCode, "Internal ledger", string.Empty,
        string.Empty, null, string.Empty, string.Empty, "Internal", 12, null, []);

    public async Task<Account> OpenAsync(string tenantId, OpenInternalAccount request, CancellationToken ct)
    {
        var currency = Currency.Parse(request.Currency, "currency");
        var fingerprint = request.Fingerprint();
        var accountId = Guid.NewGuid().ToString();
        if (request.ExternalId is { } externalId)
        {
            var scope = InternalAttributes.ExternalIdScope(tenantId);
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
        for (var attempt = 0; attempt < NumberAttempts; attempt++)
        {
            var account = NewAccount(tenantId, accountId, request, currency, fingerprint,
                await ClaimNumberAsync(tenantId, accountId, ct));
            try
            {
                var stored = await accounts.InsertAsync(account, ct);
                return parent is null ? stored : await parents.ConfirmAsync(stored, parent, ct);
            }
            catch (ConcurrencyException)
            {
                // Either a concurrent create with the same externalId stored this id first, or the number is already
                // indexed for another account of this tenant (then draw another).
                if (await accounts.GetAsync(tenantId, accountId, ct) is { } raced)
                {
                    return Replay(raced, fingerprint, request.ExternalId ?? accountId);
                }
            }
        }

        throw DomainException.Unavailable("no free internal account number could be allocated; retry later");
    }

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

    private Account NewAccount(string tenantId, string accountId, OpenInternalAccount request, Currency currency,
        string fingerprint, string number)
    {
        var now = clock.GetUtcNow();
        return new Account
        {
            Id = accountId,
            TenantId = tenantId,
            Kind = AccountKind.Internal,
            HolderId = request.IdentityId,
            AccountNumber = number,
            InstitutionCode = InternalAttributes.InstitutionCode,
            Currency = currency.Code,
            Country = string.Empty,
            Type = request.Type,
            Status = AccountStatus.Active,
            BookId = Books.OfAccount(tenantId, accountId),
            Label = request.Name,
            ExternalId = request.ExternalId,
            ParentId = request.ParentId,
            CreatedAt = now,
            UpdatedAt = now,
            Attributes = new Dictionary<string, string>
            {
                [InternalAttributes.Custody] = request.Custody,
                [InternalAttributes.CreateFingerprint] = fingerprint,
            },
        };
    }

    private async Task<string> ClaimNumberAsync(string tenantId, string accountId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < NumberAttempts; attempt++)
        {
            var candidate = AccountNumberGenerator.Next(Numbering, RandomNumberGenerator.GetInt32);
            if (await accounts.TryClaimNumberAsync(Numbering.Code, candidate, tenantId, accountId, ct))
            {
                return candidate;
            }
        }

        throw DomainException.Unavailable("no free internal account number could be allocated; retry later");
    }
}
