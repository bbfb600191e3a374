using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Core.Internal;

/// <summary>
/// The parent rules of internal accounts: a parent exists in the same tenant, is ACTIVE and has the child's currency.
/// Cycles cannot arise: a parent must exist before its child and parentId never changes after create.
/// </summary>
public sealed class InternalParents(IAccountStore accounts, AccountLifecycle lifecycle, TimeProvider clock)
{
    public async Task<Account?> CheckAsync(string tenantId, string? parentId, Currency currency, CancellationToken ct)
    {
        if (parentId is null)
        {
            return null;
        }

        var parent = await accounts.GetAsync(tenantId, parentId, ct);
        if (parent is not { Kind: AccountKind.Internal } || parent.IsClosed)
        {
            throw DomainException.Invalid("parentId", $"parent account {parentId} was not found");
        }

        if (parent.Status != AccountStatus.Active)
        {
            throw new DomainException(ErrorKind.Conflict,
                $"parent account {parentId} is {InternalStatus.Name(parent.Status)}; sub-accounts can only be opened under an ACTIVE account",
                "parentId");
        }

        return parent.Currency == currency.Code
            ? parent
            : throw DomainException.Invalid("parentId",
                $"parent account {parentId} is in {parent.Currency}; a sub-account must have its parent's currency, not {currency.Code}");
    }

    /// <summary>
    /// Deleting a parent checks for open sub-accounts and then writes the parent with its ETag. Writing the parent
    /// again after the child is stored makes one of the two writes fail, so a parent is never closed over a child
    /// opened meanwhile; if the parent won, the new child is closed again and the create refused.
    /// </summary>
    public async Task<Account> ConfirmAsync(Account child, Account parent, CancellationToken ct)
    {
        while (!parent.IsClosed)
        {
            try
            {
                await accounts.UpdateAsync(parent with { UpdatedAt = clock.GetUtcNow() }, ct);
                return child;
            }
            catch (ConcurrencyException)
            {
                parent = await accounts.GetAsync(parent.TenantId, parent.Id, ct)
                    ?? throw new InvalidOperationException($"Account {parent.Id} disappeared");
            }
        }

        await CloseAsync(child, ct);
        throw new DomainException(ErrorKind.Conflict, $"parent account {parent.Id} was deleted while this sub-account was being opened",
            "parentId");
    }

    /// <summary>
    /// Closes the new child like any close (sealed in its book first, then marked CLOSED), so a deposit that reached
    /// its number in between is either seen by the close or refused by the seal.
    /// </summary>
    private Task CloseAsync(Account child, CancellationToken ct) =>
        lifecycle.CloseAsync(async token => await accounts.GetAsync(child.TenantId, child.Id, token)
            ?? throw new InvalidOperationException($"Account {child.Id} disappeared"), null, ct);
}
