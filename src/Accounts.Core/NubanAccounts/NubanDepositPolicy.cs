using Accounts.Core.Accounts;
using Accounts.Core.Money;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// May a NUBAN account receive a deposit now? Static accounts take any NGN amount any number of times while open;
/// dynamic accounts take NGN until their expiry time (under- and over-payments included, so they can be recorded).
/// Pure: the deposit pipeline asks this before crediting and records a refusal (refund due) instead of crediting.
/// </summary>
public static class NubanDepositPolicy
{
    public static DepositDecision Check(Account account, Money.Money amount, DateTimeOffset now)
    {
        if (account.Kind is not (AccountKind.NubanStatic or AccountKind.NubanDynamic))
        {
            return DepositDecision.Refuse(DepositRefusal.NotNuban, $"account {account.AccountNumber} is not a NUBAN account");
        }

        if (account.IsClosed)
        {
            return DepositDecision.Refuse(DepositRefusal.Closed, $"account {account.AccountNumber} is closed");
        }

        if (DynamicExpiry.IsExpired(account, now))
        {
            return DepositDecision.Refuse(DepositRefusal.Expired,
                $"dynamic account {account.AccountNumber} expired at {account.ExpiresAt?.UtcDateTime:O}");
        }

        if (account.Status != AccountStatus.Active)
        {
            return DepositDecision.Refuse(DepositRefusal.Blocked,
                $"account {account.AccountNumber} is {account.Status.ToString().ToUpperInvariant()}");
        }

        return amount.Currency == Naira.Currency && amount.Currency.Code == account.Currency
            ? DepositDecision.Accept
            : DepositDecision.Refuse(DepositRefusal.WrongCurrency, $"account {account.AccountNumber} receives NGN only, not {amount.Currency.Code}");
    }
}
