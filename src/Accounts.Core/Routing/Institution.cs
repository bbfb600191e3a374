namespace Accounts.Core.Routing;

/// <summary>
/// A bank that issues receiving accounts, with what payers need to reach them. <see cref="Code"/> is the catalog key
/// (the BIC8, or the CBN institution code for Nigerian banks, which is also what NUBAN check digits use).
/// <see cref="SwiftCode"/> is empty for an institution without a BIC, which then has no SWIFT features.
/// <see cref="Iban"/> is set where accounts are quoted as IBANs.
/// </summary>
public sealed record Institution(
    string Code,
    string Name,
    string Address,
    string City,
    string? ZipCode,
    string Country,
    string SwiftCode,
    string AccountType,
    int AccountNumberLength,
    IbanScheme? Iban,
    IReadOnlyList<TransferFeature> Features)
{
    /// <summary>The distinct currencies of <see cref="Features"/>, in catalog order.</summary>
    public IEnumerable<string> Currencies => Features.Select(f => f.Currency).Distinct(StringComparer.Ordinal);

    public bool Offers(string currency) => Features.Any(f => f.Currency == currency);

    public bool Supports(string currency, string transferMethod) =>
        Features.Any(f => f.Currency == currency && f.TransferMethod == transferMethod);

    /// <summary>
    /// The value of a routing code type as quoted by this institution's features (e.g. its sort code). Throws when no
    /// feature quotes it or two quote different values: both are catalog data errors.
    /// </summary>
    public string RoutingCode(string type)
    {
        var values = Features.SelectMany(f => f.RoutingCodes).Where(c => c.Type == type).Select(c => c.Value).Distinct().ToList();
        return values.Count == 1
            ? values[0]
            : throw new InvalidOperationException($"{Code} quotes {values.Count} different '{type}' routing codes; expected exactly one");
    }

    /// <summary>What can be received, for error messages: "SGD LOCAL (FAST, RTGS, GIRO), SGD SWIFT, USD SWIFT".</summary>
    public string DescribeFeatures() => string.Join(", ", Features
        .GroupBy(f => (f.Currency, f.TransferMethod))
        .Select(g => g.Any(f => f.LocalClearingSystem is not null)
            ? $"{g.Key.Currency} {g.Key.TransferMethod} ({string.Join(", ", g.Select(f => f.LocalClearingSystem))})"
            : $"{g.Key.Currency} {g.Key.TransferMethod}"));
}

/// <summary>
/// A way money can be received: in <see cref="Currency"/> by <see cref="TransferMethod"/> (<see cref="TransferMethods"/>)
/// through <see cref="LocalClearingSystem"/> (null for SWIFT), quoting <see cref="RoutingCodes"/>. Every feature here is
/// inbound; the Zoqq wire shows it with "type": "DEPOSIT".
/// </summary>
public sealed record TransferFeature(
    string Currency,
    string TransferMethod,
    string? LocalClearingSystem,
    IReadOnlyList<RoutingCode> RoutingCodes);

/// <summary>A capability a client requires of a new account (Zoqq's required_features[]), as sent; validated by the catalog.</summary>
public sealed record RequiredFeature(string Currency, string TransferMethod);

/// <summary>One routing identifier a payer needs, e.g. ("ach", "026073150"), ("sort_code", "040605"), ("swift", BIC).</summary>
public sealed record RoutingCode(string Type, string Value);

/// <summary>The transfer methods of the Zoqq contract: a domestic clearing system, or an international SWIFT wire.</summary>
public static class TransferMethods
{
    public const string Local = "LOCAL";

    public const string Swift = "SWIFT";
}
