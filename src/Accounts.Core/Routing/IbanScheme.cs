namespace Accounts.Core.Routing;

/// <summary>
/// A country's BBAN layout: bank code, then branch (sort) code, then account number, each of fixed length. The bank
/// code is the first four letters of the BIC where <see cref="AlphaBankCode"/> (GB, IE, NL), otherwise the
/// institution's numeric "bank_code" routing code (DE Bankleitzahl); the branch code is its "sort_code".
/// Only layouts without national check digits are modelled (so not FR or ES).
/// </summary>
public sealed record IbanScheme(string Country, int BankCodeLength, int BranchCodeLength, int AccountNumberLength, bool AlphaBankCode)
{
    public static IbanScheme Germany { get; } = new("DE", 8, 0, 10, AlphaBankCode: false);

    public static IbanScheme Ireland { get; } = new("IE", 4, 6, 8, AlphaBankCode: true);

    public static IbanScheme Netherlands { get; } = new("NL", 4, 0, 10, AlphaBankCode: true);

    public static IbanScheme UnitedKingdom { get; } = new("GB", 4, 6, 8, AlphaBankCode: true);

    /// <summary>Total IBAN length: country, check digits and BBAN.</summary>
    public int Length => 4 + BankCodeLength + BranchCodeLength + AccountNumberLength;

    public string Build(Institution institution, string accountNumber)
    {
        ArgumentNullException.ThrowIfNull(institution);
        if (institution.Country != Country)
        {
            throw new ArgumentException($"{institution.Code} is in {institution.Country}, not {Country}", nameof(institution));
        }

        var bankCode = AlphaBankCode ? institution.SwiftCode[..Math.Min(4, institution.SwiftCode.Length)] : institution.RoutingCode("bank_code");
        var branchCode = BranchCodeLength > 0 ? institution.RoutingCode("sort_code") : string.Empty;
        return Build(bankCode, branchCode, accountNumber);
    }

    /// <summary>Builds the IBAN from its parts, refusing any part that does not fit the layout exactly.</summary>
    public string Build(string bankCode, string branchCode, string accountNumber)
    {
        Require(bankCode, BankCodeLength, AlphaBankCode, "bank code");
        Require(branchCode, BranchCodeLength, letters: false, "branch code");
        Require(accountNumber, AccountNumberLength, letters: false, "account number");

        var bban = bankCode + branchCode + accountNumber;
        return Country + Iban.CheckDigits(Country, bban) + bban;
    }

    private void Require(string part, int length, bool letters, string name)
    {
        if (part.Length != length || !part.All(letters ? char.IsAsciiLetterUpper : char.IsAsciiDigit))
        {
            throw new ArgumentException($"{Country} IBAN {name} must be {length} {(letters ? "upper-case letters" : "digits")}, got '{part}'");
        }
    }
}
