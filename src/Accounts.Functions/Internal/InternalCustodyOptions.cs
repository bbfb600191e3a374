namespace Accounts.Functions.Internal;

/// <summary>
/// Custody bank accounts (section "InternalAccounts:CustodyAccounts"): which bank account holds the money of internal accounts
/// of a given custody and currency. Operations data, so it is configuration; an unmatched account shows null.
/// </summary>
public sealed class InternalCustodyOptions
{
    public const string Section = "InternalAccounts";

    public List<CustodyAccountEntry> CustodyAccounts { get; set; } = [];

    /// <summary>The entry for <paramref name="custody"/> (case-insensitive) and <paramref name="currency"/>, if any.</summary>
    public InternalCustodyBankAccount? Find(string custody, string currency) =>
        CustodyAccounts
            .Where(e => string.Equals(e.Custody, custody, StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.Currency, currency, StringComparison.OrdinalIgnoreCase))
            .Select(e => new InternalCustodyBankAccount(e.AccountNumber, e.Bank, currency, e.TypeAccount, e.Country))
            .FirstOrDefault();

    public sealed class CustodyAccountEntry
    {
        public string Custody { get; set; } = string.Empty;

        public string Currency { get; set; } = string.Empty;

        public string AccountNumber { get; set; } = string.Empty;

        public string Bank { get; set; } = string.Empty;

        public string TypeAccount { get; set; } = string.Empty;

        public string Country { get; set; } = string.Empty;
    }
}

/// <summary>The bank account at the custodian where the money of accounts with this custody and currency is held.</summary>
public sealed record InternalCustodyBankAccount(string AccountNumber, string Bank, string Currency, string TypeAccount, string Country);
