using System.Globalization;
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
            return account.ExpiresAt is { } expiresAt
                ? $"account {account.AccountNumber} expired at {Utc(expiresAt)}"
                : $"account {account.AccountNumber} is expired";
        }

        if (account.Status is AccountStatus.Blocked or AccountStatus.Inactive or AccountStatus.Pending)
        {
            return $"account {account.AccountNumber} is {account.Status.ToString().ToUpperInvariant()} and cannot receive funds";
        }

        var receivable = AccountPolicy.Of(account.Kind).ReceivesOfferedCurrencies
            ? catalog.Find(account.InstitutionCode)?.Offers(currency) ?? false
            : string.Equals(account.Currency, currency, StringComparison.Ordinal);
        return receivable ? null : $"account {account.AccountNumber} cannot receive {currency}";
    }

    // UTC with a Z, like the times on the wire; the fraction only when there is one (2026-01-01T00:00:00Z).
    private static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
