using Accounts.Core.Routing;

namespace Accounts.Core.Accounts;

/// <summary>
/// Whether an account may receive money now: the one place every credit path asks. Closed, blocked and expired
/// accounts refuse, so does a currency the account cannot receive (a global account takes the currencies its
/// institution offers; every other account only its own).
/// </summary>
public sealed class ReceivingRules(InstitutionCatalog catalog, TimeProvider clock)
{
    /// <summary>Why the account cannot receive <paramref name="currency"/> at <paramref name="at"/> (default now), or null when it can.</summary>
    public string? Refusal(Account account, string currency, DateTimeOffset? at = null)
    {
        if (account.Status == AccountStatus.Closed)
        {
            return $"account {account.AccountNumber} is closed";
        }

        if (account.Status == AccountStatus.Expired || (account.ExpiresAt is { } expiry && (at ?? clock.GetUtcNow()) > expiry))
        {
            return $"account {account.AccountNumber} expired at {account.ExpiresAt:O}; refund due";
        }

        if (account.Status is AccountStatus.Blocked or AccountStatus.Inactive or AccountStatus.Pending)
        {
            return $"account {account.AccountNumber} is {account.Status.ToString().ToUpperInvariant()} and cannot receive funds";
        }

        var receivable = account.Kind == AccountKind.Global
            ? catalog.Find(account.InstitutionCode)?.Offers(currency) ?? false
            : string.Equals(account.Currency, currency, StringComparison.Ordinal);
        return receivable ? null : $"account {account.AccountNumber} cannot receive {currency}";
    }
}
