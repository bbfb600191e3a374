namespace Accounts.Functions.Zoqq;

/// <summary>Body of create (all fields) and update (label; the others, if sent, must equal the account's).</summary>
public sealed record ZoqqAccountRequest(
    string? Type,
    string? Country,
    string? Currency,
    string? Label,
    IReadOnlyList<ZoqqFeatureRequest?>? RequiredFeatures);

public sealed record ZoqqFeatureRequest(string? Currency, string? TransferMethod);
