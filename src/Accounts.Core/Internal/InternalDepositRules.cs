using Accounts.Core.Accounts;
using Accounts.Core.Money;

namespace Accounts.Core.Internal;

/// <summary>
/// The deposit pipeline's question for an internal account: may it receive a deposit in this currency now? Pure, so
/// the pipeline decides on the account it has just read and records the refusal it returns.
/// </summary>
public static class InternalDepositRules
{
    /// <returns>Null when the deposit may be applied; otherwise why it must be rejected.</returns>
    public static DepositRefusal? Check(Account account, string currency)
    {
        var status = InternalStatus.Name(account.Status);
        return account.Status switch
        {
            AccountStatus.Closed => new DepositRefusal(DepositRefusal.AccountClosed, $"account {account.AccountNumber} is deleted"),
            AccountStatus.Blocked => new DepositRefusal(DepositRefusal.AccountBlocked,
                $"account {account.AccountNumber} is BLOCKED and refuses deposits until unblocked"),
            not AccountStatus.Active => new DepositRefusal(DepositRefusal.AccountNotActive, $"account {account.AccountNumber} is {status}"),
            _ when !Currency.TryGet(currency, out var asked) || asked.Code != account.Currency =>
                new DepositRefusal(DepositRefusal.CurrencyMismatch,
                    $"account {account.AccountNumber} holds {account.Currency} and cannot receive '{currency}'"),
            _ => null,
        };
    }
}
