using Accounts.Core.Internal;
using Accounts.Core.Money;

namespace Accounts.Functions.Internal;

/// <summary>Translates internal account views to seed 002's account object.</summary>
public static class InternalAccountMapper
{
    /// <param name="holder">The tenant's name: internal accounts are sub-ledgers of the tenant's custody account.</param>
    public static InternalAccount ToWire(InternalAccountView view, string holder, InternalCustodyOptions custody)
    {
        var account = view.Account;
        var currency = Currency.Parse(account.Currency, "currency");
        var custodyName = account.Attribute(InternalAttributes.Custody) ?? string.Empty;
        return new InternalAccount(
            account.Id,
            account.HolderId,
            account.ExternalId,
            account.Type,
            custodyName,
            Amount(view.Balance, currency),
            Amount(view.Available, currency),
            account.Currency,
            account.Label ?? string.Empty,
            account.AccountNumber,
            holder,
            InternalStatus.Name(account.Status),
            account.ParentId,
            new InternalSubAccounts(Amount(view.SubBalance, currency), Amount(view.SubAvailable, currency)),
            custody.Find(custodyName, account.Currency));
    }

    // The seed's pattern ^\d+(\.\d+)?$ has no sign. Internal accounts only receive credits today; if a future debit
    // ever overdraws one, the sign is shown rather than hidden, so the amount stays true.
    // Sums over sub-accounts are Int128 and are rendered exactly, however large.
    private static string Amount(Int128 minor, Currency currency) => Money.Format(minor, currency);
}
