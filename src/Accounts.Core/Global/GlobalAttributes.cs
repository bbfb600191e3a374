using Accounts.Core.Accounts;
using Accounts.Core.Routing;

namespace Accounts.Core.Global;

/// <summary>Names and encodings of the attributes a global account keeps beside the core fields.</summary>
public static class GlobalAttributes
{
    public const string HolderName = "holder_name";
    public const string Iban = AccountOpening.IbanAttribute;
    public const string RequiredFeatures = "required_features";

    public static string Encode(IEnumerable<RequiredFeature> features) =>
        string.Join(';', features.Select(f => $"{f.Currency}:{f.TransferMethod}"));

    public static IReadOnlyList<RequiredFeature> DecodeFeatures(string? encoded) =>
        string.IsNullOrEmpty(encoded)
            ? []
            : encoded.Split(';').Select(part => part.Split(':')).Select(p => new RequiredFeature(p[0], p[1])).ToList();
}
