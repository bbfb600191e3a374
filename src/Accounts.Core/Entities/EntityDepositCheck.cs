using Accounts.Core.Accounts;

namespace Accounts.Core.Entities;

/// <summary>
/// What the deposit pipeline asks before crediting an entity account: may it receive this deposit now, and if not,
/// why. A non-null answer is the reason to record with the rejection. The entity's verification is not re-checked:
/// accounts exist only for approved entities and a decision is final.
/// </summary>
public static class EntityDepositCheck
{
    public static string? Refusal(Account account, Entity entity, string currency)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(entity);
        if (account.Kind != AccountKind.Entity || account.HolderId != entity.Id || account.TenantId != entity.TenantId)
        {
            return $"account {account.AccountNumber} is not an account of entity {entity.Id}";
        }

        if (account.Status != AccountStatus.Active)
        {
            return $"account {account.AccountNumber} is {account.Status.ToString().ToUpperInvariant()} and cannot receive funds";
        }

        return string.Equals(currency?.Trim(), account.Currency, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"account {account.AccountNumber} holds {account.Currency} and cannot receive {currency}";
    }
}
