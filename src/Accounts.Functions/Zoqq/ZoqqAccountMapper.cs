using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Global;
using Accounts.Core.Routing;

namespace Accounts.Functions.Zoqq;

/// <summary>Translates between Zoqq's wire records and the core's account and routing types.</summary>
public static class ZoqqAccountMapper
{
    public static ZoqqAccount ToWire(Account account, InstitutionCatalog catalog)
    {
        var institution = catalog.Find(account.InstitutionCode)
            ?? throw new InvalidOperationException($"Account {account.Id} refers to unknown institution {account.InstitutionCode}");
        return new ZoqqAccount(
            account.Id,
            account.Status.ToString().ToUpperInvariant(),
            account.AccountNumber,
            account.Attribute(GlobalAttributes.HolderName) ?? string.Empty,
            account.Label ?? string.Empty,
            institution.AccountType,
            account.Country,
            new ZoqqInstitution(institution.Address, institution.City, institution.Name, institution.ZipCode),
            institution.Features.Select(f => new ZoqqSupportedFeature(f.Currency, f.LocalClearingSystem, f.TransferMethod, "DEPOSIT",
                f.RoutingCodes.Select(r => new ZoqqRoutingCode(r.Type, r.Value)).ToList())).ToList(),
            GlobalAttributes.DecodeFeatures(account.Attribute(GlobalAttributes.RequiredFeatures))
                .Select(f => new ZoqqRequiredFeature(f.TransferMethod, f.Currency)).ToList(),
            institution.SwiftCode,
            account.Attribute(GlobalAttributes.Iban));
    }

    public static IReadOnlyList<RequiredFeature> ToFeatures(IReadOnlyList<ZoqqFeatureRequest?>? features)
    {
        if (features is null)
        {
            throw DomainException.Invalid("required_features", "required_features is required");
        }

        return features.Select((feature, i) =>
        {
            var field = $"required_features[{i}]";
            if (feature is null)
            {
                throw DomainException.Invalid(field, $"{field} must be an object with currency and transfer_method");
            }

            var currency = Core.Money.Currency.Parse(feature.Currency, $"{field}.currency");
            var method = feature.TransferMethod?.Trim().ToUpperInvariant();
            return method is "LOCAL" or "SWIFT"
                ? new RequiredFeature(currency.Code, method)
                : throw DomainException.Invalid($"{field}.transfer_method", $"{field}.transfer_method must be \"LOCAL\" or \"SWIFT\"");
        }).ToList();
    }

    public static AccountStatus? ParseStatus(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return null;
        }

        return Enum.TryParse<AccountStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)
            ? parsed
            : throw DomainException.Invalid("status", $"status must be one of {string.Join(", ", Enum.GetNames<AccountStatus>().Select(n => n.ToUpperInvariant()))}");
    }
}
