using System.Text.RegularExpressions;
using Accounts.Core.Money;

namespace Accounts.Core.Routing;

/// <summary>Consistency rules for catalog data; a violation is a programming error, reported with the institution code.</summary>
internal static class InstitutionCheck
{
    private static readonly Regex Bic = new("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?\\z", RegexOptions.CultureInvariant);

    public static void Validate(Institution institution)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var code = institution.Code;
        Require(!string.IsNullOrWhiteSpace(code), code, "has no code");
        Require(CountryCodes.All.Contains(institution.Country), code, $"country {institution.Country} is not ISO 3166-1 alpha-2");
        Require(institution.AccountNumberLength is >= 6 and <= 18, code, "account numbers must have 6 to 18 digits");
        Require(institution.Features.Count > 0, code, "offers no features");

        var hasBic = institution.SwiftCode.Length > 0;
        Require(!hasBic || (Bic.IsMatch(institution.SwiftCode) && institution.SwiftCode[4..6] == institution.Country), code,
            $"SWIFT code {institution.SwiftCode} is not a BIC of {institution.Country}");

        foreach (var feature in institution.Features)
        {
            var what = $"{feature.Currency} {feature.TransferMethod}";
            Require(Currency.TryGet(feature.Currency, out var c) && c.Code == feature.Currency, code, $"{what}: unknown currency");
            Require(feature.TransferMethod is TransferMethods.Local or TransferMethods.Swift, code, $"{what}: unknown method");
            Require((feature.TransferMethod == TransferMethods.Local) == (feature.LocalClearingSystem is not null), code,
                $"{what}: LOCAL features name a clearing system and SWIFT features do not");
            if (feature.TransferMethod == TransferMethods.Swift)
            {
                Require(hasBic && feature.RoutingCodes.Any(r => r.Type == "swift" && r.Value == institution.SwiftCode), code,
                    $"{what}: a SWIFT feature must quote the institution's BIC as its 'swift' routing code");
            }
        }

        if (institution.Country == "NG")
        {
            Nuban.InstitutionCode(code); // throws unless a 3, 5 or 6 digit CBN code
            Require(institution.AccountNumberLength == 10, code, "NUBAN account numbers have 10 digits");
        }

        if (institution.Iban is { } scheme)
        {
            Require(scheme.Country == institution.Country, code, $"IBAN scheme is for {scheme.Country}");
            Require(scheme.AccountNumberLength == institution.AccountNumberLength, code, "IBAN account number length differs");
            try
            {
                _ = scheme.Build(institution, new string('1', institution.AccountNumberLength));
            }
            catch (InvalidOperationException e)
            {
                throw new ArgumentException($"institution {code}: {e.Message}", e); // a routing code quoted twice, differently
            }
        }
    }

    private static void Require(bool condition, string code, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"institution {code}: {problem}");
        }
    }
}
