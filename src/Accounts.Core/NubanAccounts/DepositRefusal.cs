namespace Accounts.Core.NubanAccounts;

/// <summary>Why a NUBAN account may not receive a deposit. Every refusal means the money is due back to the payer.</summary>
public enum DepositRefusal
{
    None,
    NotNuban,
    Closed,
    Expired,
    Blocked,
    WrongCurrency,
}
