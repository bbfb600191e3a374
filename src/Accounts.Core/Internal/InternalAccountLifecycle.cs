using Accounts.Core.Accounts;
using Accounts.Core.Claims;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;

namespace Accounts.Core.Internal;

/// <summary>
/// Reads, updates and deletes internal accounts. Deleting closes the account for good (its book and entries stay for
/// audit); a closed account is reported as not found. Every write is ETag-checked and decided again on fresh state
/// when it loses a race.
/// </summary>
public sealed class InternalAccountLifecycle(IAccountStore accounts, IClaimStore claims, AccountSeal seal, TimeProvider clock)
{
    public async Task<Account> GetAsync(string tenantId, string accountId, CancellationToken ct)
    {
        var account = await accounts.GetAsync(tenantId, accountId, ct);
        return account is { Kind: AccountKind.Internal, IsClosed: false }
            ? account
            : throw DomainException.NotFound($"account {accountId} was not found");
    }

    public async Task<Account> UpdateAsync(string tenantId, string accountId, InternalAccountChange change, CancellationToken ct)
    {
        CheckStatus(change.Status);
        var account = await GetAsync(tenantId, accountId, ct);
        if (change.ExternalId is { } externalId && externalId != account.ExternalId
            && !await claims.TryClaimAsync(InternalAttributes.ExternalIdScope(tenantId), externalId, accountId, ct))
        {
            throw new DomainException(ErrorKind.Conflict, $"externalId '{externalId}' is already used by another account", "externalId");
        }

        while (true)
        {
            var changed = account with
            {
                Label = change.Name ?? account.Label,
                ExternalId = change.ExternalId ?? account.ExternalId,
                Status = change.Status ?? account.Status,
                UpdatedAt = clock.GetUtcNow(),
            };
            try
            {
                return await accounts.UpdateAsync(changed, ct);
            }
            catch (ConcurrencyException)
            {
                account = await GetAsync(tenantId, accountId, ct);
            }
        }
    }

    /// <summary>
    /// Refused while the account holds money (posted, pending or reserved) or has sub-accounts that are not deleted.
    /// Once sealed (see <see cref="AccountSeal"/>) no deposit reaches it, even before its row says CLOSED.
    /// Sub-accounts are found by scanning the tenant's internal accounts: there is no parent index yet.
    /// </summary>
    public async Task CloseAsync(string tenantId, string accountId, CancellationToken ct)
    {
        while (true)
        {
            var account = await GetAsync(tenantId, accountId, ct);
            var open = (await accounts.ListByTenantAsync(tenantId, AccountKind.Internal, ct))
                .Count(a => a.ParentId == accountId && !a.IsClosed);
            if (open > 0)
            {
                throw DomainException.Conflict($"account {accountId} has {open} open sub-account(s); delete them first");
            }

            // The empty-book check and the seal are one commit: no deposit can slip in between them.
            await seal.SealAsync(account, requireEmpty: true, ct);
            try
            {
                await accounts.UpdateAsync(account with { Status = AccountStatus.Closed, UpdatedAt = clock.GetUtcNow() }, ct);
                return;
            }
            catch (ConcurrencyException)
            {
                // Changed meanwhile (perhaps a sub-account was opened under it): decide again on the fresh state.
            }
        }
    }

    private static void CheckStatus(AccountStatus? status)
    {
        if (status is null or AccountStatus.Active or AccountStatus.Blocked)
        {
            return;
        }

        throw DomainException.Invalid("status", status == AccountStatus.Closed
            ? "status cannot be set to CLOSED; delete the account instead"
            : "status can only be changed to ACTIVE or BLOCKED");
    }
}
