namespace Accounts.Functions.Zoqq;

/// <summary>The account object of seed 001, field for field.</summary>
public sealed record ZoqqAccount(
    string Id,
    string Status,
    string AccountNumber,
    string AccountHolderName,
    string Label,
    string AccountType,
    string CountryCode,
    ZoqqInstitution Institution,
    IReadOnlyList<ZoqqSupportedFeature> SupportedFeatures,
    IReadOnlyList<ZoqqRequiredFeature> RequiredFeatures,
    string SwiftCode,
    string? Iban);

public sealed record ZoqqInstitution(string Address, string City, string Name, string? ZipCode);

public sealed record ZoqqSupportedFeature(
    string Currency,
    string? LocalClearingSystem,
    string TransferMethod,
    string Type,
    IReadOnlyList<ZoqqRoutingCode> RoutingCodes);

public sealed record ZoqqRoutingCode(string Type, string Value);

public sealed record ZoqqRequiredFeature(string TransferMethod, string Currency);
