using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Core.Routing;

/// <summary>
/// Which institution issues an account for a country and currency, and whether it can receive what the client requires.
/// The constructor checks the data (so a bad catalog fails at startup, not on a customer's request); <see cref="Select"/>
/// checks client input and refuses it with errors naming the field.
/// </summary>
public sealed class InstitutionCatalog
{
    private readonly Dictionary<string, Institution> byCode;

    public InstitutionCatalog(IEnumerable<Institution> institutions)
    {
        All = [.. institutions];
        byCode = new Dictionary<string, Institution>(StringComparer.Ordinal);
        foreach (var institution in All)
        {
            InstitutionCheck.Validate(institution);
            if (!byCode.TryAdd(institution.Code, institution))
            {
                throw new ArgumentException($"institution code {institution.Code} appears twice");
            }
        }
    }

    public static InstitutionCatalog Default { get; } = new(DefaultInstitutions.All);

    public IReadOnlyList<Institution> All { get; }

    public Institution? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>
    /// The first institution in <paramref name="country"/> offering <paramref name="currency"/> that supports every
    /// required feature. Country and currency codes are accepted in any case.
    /// </summary>
    public Institution Select(string country, string currency, IReadOnlyList<RequiredFeature> required)
    {
        var countryCode = AsciiUpper(country);
        if (countryCode is not { Length: 2 } || !CountryCodes.All.Contains(countryCode))
        {
            throw DomainException.Invalid("country", $"country '{country}' is not an ISO 3166-1 alpha-2 country code");
        }

        var inCountry = All.Where(i => i.Country == countryCode).ToList();
        if (inCountry.Count == 0)
        {
            var countries = string.Join(", ", All.Select(i => i.Country).Distinct().Order(StringComparer.Ordinal));
            throw DomainException.Invalid("country", $"accounts are not offered in {countryCode}; supported countries: {countries}");
        }

        var currencyCode = Currency.Parse(currency, "currency").Code;
        var candidates = inCountry.Where(i => i.Offers(currencyCode)).ToList();
        if (candidates.Count == 0)
        {
            var currencies = string.Join(", ", inCountry.SelectMany(i => i.Currencies).Distinct());
            throw DomainException.Invalid("currency", $"{currencyCode} accounts are not offered in {countryCode}; available currencies: {currencies}");
        }

        var wanted = Normalize(required);
        foreach (var candidate in candidates)
        {
            if (wanted.All(w => candidate.Supports(w.Currency, w.TransferMethod)))
            {
                return candidate;
            }
        }

        // Explain against the primary institution: its first requirement it cannot meet, and what it can do instead.
        var primary = candidates[0];
        var missing = wanted.FindIndex(w => !primary.Supports(w.Currency, w.TransferMethod));
        var (missingCurrency, method) = (wanted[missing].Currency, wanted[missing].TransferMethod);
        throw DomainException.Invalid(
            $"required_features[{missing}]",
            $"{method} transfers in {missingCurrency} are not available for {currencyCode} accounts in {countryCode} " +
            $"({primary.Name}); available: {primary.DescribeFeatures()}");
    }

    private static List<RequiredFeature> Normalize(IReadOnlyList<RequiredFeature> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var normalized = new List<RequiredFeature>(required.Count);
        for (var i = 0; i < required.Count; i++)
        {
            var field = $"required_features[{i}]";
            if (required[i] is not { } feature)
            {
                throw DomainException.Invalid(field, $"{field} must be an object with currency and transfer_method");
            }

            var currency = Currency.Parse(feature.Currency, $"{field}.currency").Code;
            var method = AsciiUpper(feature.TransferMethod);
            if (method is not (TransferMethods.Local or TransferMethods.Swift))
            {
                throw DomainException.Invalid($"{field}.transfer_method", $"{field}.transfer_method must be \"LOCAL\" or \"SWIFT\"");
            }

            normalized.Add(new RequiredFeature(currency, method));
        }

        return normalized;
    }

    // Case-insensitive for ASCII letters only: with ICU, ToUpperInvariant alone would also turn "ſ" into "S".
    private static string? AsciiUpper(string? text) =>
        text is not null && text.All(char.IsAsciiLetter) ? text.ToUpperInvariant() : null;
}
